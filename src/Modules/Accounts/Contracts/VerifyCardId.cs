using BillCenter.SharedKernel.Cards;
using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>
/// Check the card ID printed on the card. Every failure — unknown card, cancelled card, wrong card ID, card locked
/// after 5 failures in 24 hours — gives the same <see cref="CardVerification.Failed"/>, so callers cannot tell them
/// apart and neither can the people calling them.
/// </summary>
public sealed record VerifyCardId(CardNumber CardNumber, CardId CardId) : IRequest<CardVerification>;
