using BillCenter.SharedKernel.Cards;
using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>
/// Check the billing street address and ZIP on file (for products without card IDs, and cancelled cards). Answers
/// and counts like <see cref="VerifyCardId"/>: failures of all the cards of one account share one count.
/// </summary>
/// <param name="AllowCancelledCard">A cancelled card (of an open account) may pass too.</param>
/// <param name="OnlyCardsWithoutCardId">A card that has a card ID fails (and counts) as a wrong address would, unless it is a cancelled card
/// that <paramref name="AllowCancelledCard"/> lets pass (a cancelled card's card ID is not checked, so its address is).</param>
public sealed record VerifyBillingAddress(CardNumber CardNumber, string Street, ZipCode Zip, bool AllowCancelledCard = false, bool OnlyCardsWithoutCardId = false)
    : IRequest<CardVerification>;
