using BillCenter.SharedKernel.Messaging;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>
/// An entry reached the ledger (published through the Accounts outbox in the same SaveChanges as the entry). The
/// amount alerts ("purchase over", "balance over") are decided from it by the modules that own those choices, never here.
/// </summary>
/// <param name="AmountCents">Purchases positive, payments and credits negative.</param>
/// <param name="Last4">The last four digits of the card used (the primary card for an entry without a card).</param>
public sealed record CardTransactionPosted(
    Guid EventId,
    DateTime OccurredAt,
    Guid CardAccountId,
    Guid TransactionId,
    TransactionKind Kind,
    string Description,
    long AmountCents,
    long BalanceBeforeCents,
    long BalanceAfterCents,
    string Last4) : IIntegrationEvent;
