using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Domain;
using FluentValidation;

namespace BillCenter.Modules.Accounts.Features.OpenCardAccount;

internal sealed class OpenCardAccountValidator : AbstractValidator<Contracts.OpenCardAccount>
{
    public OpenCardAccountValidator()
    {
        RuleFor(c => c.HolderName).NotEmpty().MaximumLength(100);
        RuleFor(c => c.BillingCycleDay).InclusiveBetween(1, 28);
        RuleFor(c => c.CreditLimit.Cents).GreaterThanOrEqualTo(0);
        RuleFor(c => c.Cards).NotEmpty();
        RuleFor(c => c.Cards).Must(cards => cards.Count(c => c.IsPrimary) == 1).WithMessage("An account has exactly one primary card.");
        RuleForEach(c => c.Cards).Must((command, card) => ProductCatalog.HasCardIds(command.Product) == (card.CardId is not null))
            .WithMessage("Cards have a card ID exactly when their product does.");
    }
}
