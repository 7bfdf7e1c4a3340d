using BillCenter.SharedKernel.Cards;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>The outcome of a self-service check. Details are filled in only when <see cref="Verified"/>.</summary>
public sealed record CardVerification(bool Verified, VerifiedCard? Card)
{
    public static CardVerification Failed { get; } = new(false, null);
}

public sealed record VerifiedCard(
    Guid CardId,
    Guid CardAccountId,
    string Last4,
    CardStatus Status,
    Product Product,
    string ProductName,
    bool AccountLinkedToUser);
