using FluentValidation;

namespace BillCenter.SharedKernel.Cards;

/// <summary>The format rules for what a cardholder types about a card, with the messages shown at the field.</summary>
public static class CardValidationRules
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

    public static IRuleBuilderOptionsConditions<T, string?> ValidCardId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((value, context) =>
        {
            if (CardId.Validate(value) is { } message)
            {
                context.AddFailure(message);
            }
        });

    public static IRuleBuilderOptionsConditions<T, string?> ValidZip<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((value, context) =>
        {
            if (ZipCode.Validate(value) is { } message)
            {
                context.AddFailure(message);
            }
        });
}
