using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Domain;
using FluentValidation;

namespace BillCenter.Modules.Accounts.Features.IssueReplacementCard;

internal sealed class IssueReplacementCardValidator : AbstractValidator<Contracts.IssueReplacementCard>
{
    public IssueReplacementCardValidator()
    {
        RuleFor(c => c.Card.Status).Equal(CardStatus.Issued).WithMessage("A replacement card is issued, not yet active.");
        RuleFor(c => c.Card.EmbossedName).NotEmpty().MaximumLength(100);
    }
}
