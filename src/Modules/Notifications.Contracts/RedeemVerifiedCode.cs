using MediatR;

namespace BillCenter.Modules.Notifications.Contracts;

/// <summary>
/// Spend a verified code's verification on the one thing it allows (creating an account, setting a password):
/// true for exactly one caller, false for any other, so a journey cookie replayed after completion is refused.
/// With <paramref name="VerifiedWithin"/>, only a code entered that recently can be spent. With
/// <paramref name="Destination"/>, only a code that was sent to exactly that address or number can be spent (a contact
/// change proves the new address it puts on file, not another one).
/// </summary>
public sealed record RedeemVerifiedCode(Guid CodeId, Guid CardAccountId, string Purpose, TimeSpan? VerifiedWithin = null, string? Destination = null) : IRequest<bool>;
