using BillCenter.Modules.Accounts.Contracts;
using FluentValidation;

namespace BillCenter.Modules.Accounts.Features.PostCardTransaction;

internal sealed class PostCardTransactionValidator : AbstractValidator<Contracts.PostCardTransaction>
{
    public PostCardTransactionValidator()
    {
        RuleFor(t => t.Description).NotEmpty().MaximumLength(120);
        RuleFor(t => t.Reference).MaximumLength(40);
        RuleFor(t => t.MerchantCategory).Matches("^[0-9]{4}$").WithMessage("A merchant category code is 4 digits.");
        RuleFor(t => t).Must(t => t.Kind is TransactionKind.Payment or TransactionKind.Credit ? t.Amount.IsNegative : !t.Amount.IsNegative)
            .WithMessage("Payments and credits are negative; purchases, fees and interest positive.");
    }
}
