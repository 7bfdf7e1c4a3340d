using BillCenter.SharedKernel.Cards;
using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>Find a card by its number; null when there is none. For back-office flows, never a cardholder's answer.</summary>
public sealed record FindCard(CardNumber CardNumber) : IRequest<CardSummary?>;

public sealed record CardSummary(Guid CardId, Guid CardAccountId, string Last4, CardStatus Status, Product Product, bool ProductHasCardIds);
