using BillCenter.SharedKernel.Cards;
using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

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
