using BillCenter.Modules.Accounts.Contracts;
using BillCenter.SharedKernel.Cards;
using FluentValidation;
using MediatR;

namespace BillCenter.Modules.Enrollment.Pages.Enroll;

/// <summary>The outcome of a card check in enrollment: details only when the card checked out.</summary>
internal sealed record EnrollmentCardCheck(VerifiedCard? Card);

internal static class CardRules
{
    public static IRuleBuilderOptionsConditions<T, string?> ValidCardNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((value, context) =>
        {
            var parsed = CardNumber.Parse(value);
            if (!parsed.IsValid)
            {
                context.AddFailure(parsed.Message);
            }
        });
}

/// <summary>Card number + card ID (cards with a card ID).</summary>
internal sealed record CheckCardWithCardId(string? CardNumber, string? CardId) : IRequest<EnrollmentCardCheck>;

internal sealed class CheckCardWithCardIdValidator : AbstractValidator<CheckCardWithCardId>
{
    public CheckCardWithCardIdValidator()
    {
        RuleFor(c => c.CardNumber).ValidCardNumber();
        RuleFor(c => c.CardId).Custom((value, context) =>
        {
            if (SharedKernel.Cards.CardId.Validate(value) is { } message)
            {
                context.AddFailure(message);
            }
        });
    }
}

internal sealed class CheckCardWithCardIdHandler(IMediator mediator) : IRequestHandler<CheckCardWithCardId, EnrollmentCardCheck>
{
    public async Task<EnrollmentCardCheck> Handle(CheckCardWithCardId request, CancellationToken cancellationToken)
    {
        _ = CardId.TryParse(request.CardId, out var cardId);
        var result = await mediator.Send(new VerifyCardId(CardNumber.Parse(request.CardNumber).Value!, cardId), cancellationToken);
        return new EnrollmentCardCheck(result.Verified && result.Card!.Status is CardStatus.Active or CardStatus.Issued ? result.Card : null);
    }
}

/// <summary>Card number + billing street address + ZIP (accounts without card IDs).</summary>
internal sealed record CheckAccountByAddress(string? CardNumber, string? Street, string? Zip) : IRequest<EnrollmentCardCheck>;

internal sealed class CheckAccountByAddressValidator : AbstractValidator<CheckAccountByAddress>
{
    public CheckAccountByAddressValidator()
    {
        RuleFor(c => c.CardNumber).ValidCardNumber();
        RuleFor(c => c.Street).NotEmpty().WithMessage("Enter the billing street address").MaximumLength(200).WithMessage("Street address must be 200 characters or fewer");
        RuleFor(c => c.Zip).Custom((value, context) =>
        {
            if (ZipCode.Validate(value) is { } message)
            {
                context.AddFailure(message);
            }
        });
    }
}

internal sealed class CheckAccountByAddressHandler(IMediator mediator) : IRequestHandler<CheckAccountByAddress, EnrollmentCardCheck>
{
    private static readonly Product[] WithoutCardIds = [Product.CorporatePurchasing, Product.LineOfCredit, Product.Consolidator];

    public async Task<EnrollmentCardCheck> Handle(CheckAccountByAddress request, CancellationToken cancellationToken)
    {
        _ = ZipCode.TryParse(request.Zip, out var zip);
        var result = await mediator.Send(new VerifyBillingAddress(CardNumber.Parse(request.CardNumber).Value!, request.Street!, zip), cancellationToken);

        // A card that has a card ID enrolls with it: by address it gets the same answer as a wrong address.
        return new EnrollmentCardCheck(result.Verified && WithoutCardIds.Contains(result.Card!.Product) ? result.Card : null);
    }
}
