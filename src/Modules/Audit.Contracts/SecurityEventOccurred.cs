using MediatR;

namespace BillCenter.Modules.Audit.Contracts;

/// <summary>
/// Something security-relevant happened; publish it with <c>IMediator.Publish</c> once it is committed. The Audit
/// module records it with the time, the client address and the user agent of the current request. Never put a card
/// number, card ID, code or password in any field: <paramref name="Detail"/> is a short plain phrase such as
/// "wrong password" or "code sent by text to ***-***-1234".
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="UserId">The online user it concerns, when known.</param>
/// <param name="UserName">The user ID as typed or on file, when there is one (sign-in failures for unknown IDs too).</param>
/// <param name="CardAccountId">The card account it concerns, when known.</param>
/// <param name="Detail">A short plain phrase, free of secrets.</param>
public sealed record SecurityEventOccurred(
    SecurityEventKind Kind,
    string? UserId = null,
    string? UserName = null,
    Guid? CardAccountId = null,
    string? Detail = null) : INotification;
