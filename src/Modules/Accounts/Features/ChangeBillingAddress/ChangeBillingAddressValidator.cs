using FluentValidation;

namespace BillCenter.Modules.Accounts.Features.ChangeBillingAddress;

/// <summary>What the address columns hold; the form that asks for the address gives the cardholder's messages.</summary>
internal sealed class ChangeBillingAddressValidator : AbstractValidator<Contracts.ChangeBillingAddress>
{
    public ChangeBillingAddressValidator()
    {
        RuleFor(c => c.UserId).NotEmpty();
        RuleFor(c => c.NewAddress).NotNull();
        RuleFor(c => c.NewAddress.Line1).NotEmpty().MaximumLength(100).When(c => c.NewAddress is not null);
        RuleFor(c => c.NewAddress.Line2).MaximumLength(100).When(c => c.NewAddress is not null);
        RuleFor(c => c.NewAddress.City).NotEmpty().MaximumLength(60).When(c => c.NewAddress is not null);
        RuleFor(c => c.NewAddress.State).Matches("^[A-Za-z]{2}$").When(c => c.NewAddress is not null);
        RuleFor(c => c.NewAddress.Zip).NotNull().When(c => c.NewAddress is not null);
    }
}
