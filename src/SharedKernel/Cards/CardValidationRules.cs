using FluentValidation;

namespace BillCenter.SharedKernel.Cards;

/// <summary>The card-number, card-ID and ZIP rules of every card form, with the messages a cardholder sees.</summary>
public static class CardValidationRules
{
    /// <summary>A 15-digit card number that passes the checks of <see cref="CardNumber.Parse"/>.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> ValidCardNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((value, context) =>
        {
            var parsed = CardNumber.Parse(value);
            if (!parsed.IsValid)
            {
                context.AddFailure(parsed.Message);
            }
        });

    /// <summary>The 4-digit card ID printed on the card (<see cref="CardId.Validate"/>).</summary>
    public static IRuleBuilderOptionsConditions<T, string?> ValidCardId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((value, context) =>
        {
            if (CardId.Validate(value) is { } message)
            {
                context.AddFailure(message);
            }
        });

    /// <summary>A US ZIP code (<see cref="ZipCode.Validate"/>).</summary>
    public static IRuleBuilderOptionsConditions<T, string?> ValidZip<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((value, context) =>
        {
            if (ZipCode.Validate(value) is { } message)
            {
                context.AddFailure(message);
            }
        });
}
