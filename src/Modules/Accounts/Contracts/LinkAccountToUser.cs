using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>
/// Link a card account to an online user. A card account belongs to at most one online account. With
/// <paramref name="AnnounceForCardLast4"/> (the card used to enroll), the welcome email and the "an online account was created for your
/// card" security alert are committed with the link (through the outbox).
/// </summary>
public sealed record LinkAccountToUser(Guid CardAccountId, string UserId, string? AnnounceForCardLast4 = null) : IRequest<LinkOutcome>;

public enum LinkOutcome
{
    Linked = 1,
    AlreadyLinkedToThisUser = 2,
    LinkedToAnotherUser = 3,
    NoSuchAccount = 4,
}
