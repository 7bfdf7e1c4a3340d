using BillCenter.SharedKernel.Cards;
using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>
/// Check the card ID printed on the card. Every failure — unknown card, cancelled card, wrong card ID, card locked
/// after 5 failures in 24 hours — gives the same <see cref="CardVerification.Failed"/>, so callers cannot tell them
/// apart and neither can the people calling them.
/// </summary>
public sealed record VerifyCardId(CardNumber CardNumber, CardId CardId) : IRequest<CardVerification>;

/// <summary>Check the billing street address and ZIP on file (for products without card IDs, and cancelled cards).</summary>
public sealed record VerifyBillingAddress(CardNumber CardNumber, string Street, ZipCode Zip, bool AllowCancelledCard = false)
    : IRequest<CardVerification>;

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
