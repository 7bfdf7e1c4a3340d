using BillCenter.SharedKernel.Cards;
using BillCenter.SharedKernel.Money;
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

/// <summary>Open a card account with its cards (issuer back office, demo data and tests).</summary>
public sealed record OpenCardAccount(
    Product Product,
    string HolderName,
    Money CreditLimit,
    int BillingCycleDay,
    BillingAddress BillingAddress,
    string? Email,
    string? MobilePhone,
    IReadOnlyList<NewCard> Cards,
    DateTime OpenedAt) : IRequest<OpenedCardAccount>;

/// <summary>A card to issue. <paramref name="CardId"/> is required exactly when the product has card IDs.</summary>
public sealed record NewCard(CardNumber Number, CardId? CardId, string EmbossedName, CardStatus Status, bool IsPrimary, DateOnly ExpiresOn);

public sealed record OpenedCardAccount(Guid CardAccountId, IReadOnlyList<Guid> CardIds);

/// <summary>Post an entry to the ledger and move the balance (purchases positive, payments/credits negative).</summary>
public sealed record PostCardTransaction(Guid CardAccountId, Guid? CardId, DateTime PostedAt, string Description, TransactionKind Kind, Money Amount)
    : IRequest<Guid>;

/// <summary>Close the billing cycle ending on <paramref name="PeriodEnd"/>: write the statement with its minimum due and due date.</summary>
public sealed record CloseStatement(Guid CardAccountId, DateOnly PeriodEnd) : IRequest<Guid>;

/// <summary>Issue a new card (status Issued) on an existing account, replacing <paramref name="ReplacesCardId"/> once it is activated.</summary>
public sealed record IssueReplacementCard(Guid CardAccountId, Guid ReplacesCardId, NewCard Card) : IRequest<Guid>;

/// <summary>
/// Activate a card the caller has already verified: Issued becomes Active, the card it replaces becomes Replaced, and a
/// "card activated" alert goes to the contact on file, all in one transaction. Two racing activations alert once.
/// </summary>
public sealed record ActivateCard(Guid CardId) : IRequest<CardActivationOutcome>;

public enum CardActivationOutcome
{
    Activated = 1,
    AlreadyActive = 2,
    NotActivatable = 3,
}
