namespace BillCenter.SharedKernel.Cards;

/// <summary>
/// A card number (PAN) as the cardholder types it. The digits never leave this type except through
/// <see cref="Security.KeyedHasher"/>: <see cref="ToString"/> and <see cref="Masked"/> show the last four only.
/// </summary>
public sealed class CardNumber : IEquatable<CardNumber>
{
    public const int Length = 15;

    private CardNumber(string digits) => Digits = digits;

    internal string Digits { get; }

    public string Last4 => Digits[^4..];

    /// <summary>What a cardholder may be shown: "ending 1234".</summary>
    public string Masked => $"ending {Last4}";

    public static CardNumberParseResult Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return CardNumberParseResult.Fail(CardNumberError.Missing);
        }

        var digits = new System.Text.StringBuilder(Length);
        foreach (var c in input)
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                return CardNumberParseResult.Fail(CardNumberError.NotDigits);
            }

            digits.Append(c);
        }

        if (digits.Length != Length)
        {
            return CardNumberParseResult.Fail(CardNumberError.WrongLength);
        }

        var text = digits.ToString();
        if (!text.StartsWith("34", StringComparison.Ordinal) && !text.StartsWith("37", StringComparison.Ordinal))
        {
            return CardNumberParseResult.Fail(CardNumberError.NotValid);
        }

        return Luhn.IsValid(text)
            ? CardNumberParseResult.Ok(new CardNumber(text))
            : CardNumberParseResult.Fail(CardNumberError.NotValid);
    }

    public static bool TryParse(string? input, out CardNumber cardNumber)
    {
        var result = Parse(input);
        cardNumber = result.Value!;
        return result.IsValid;
    }

    /// <summary>True when the text holds a run of digits that is a valid card number (used to refuse card numbers as user IDs).</summary>
    public static bool LooksLikeCardNumber(string? input) => Parse(input).IsValid;

    public bool Equals(CardNumber? other) => other is not null && Digits == other.Digits;

    public override bool Equals(object? obj) => Equals(obj as CardNumber);

    public override int GetHashCode() => Digits.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => $"card {Masked}";
}

public enum CardNumberError
{
    None,
    Missing,
    NotDigits,
    WrongLength,
    NotValid,
}

public readonly record struct CardNumberParseResult(CardNumber? Value, CardNumberError Error)
{
    public bool IsValid => Error == CardNumberError.None;

    /// <summary>The message a cardholder sees at the field.</summary>
    public string Message => Error switch
    {
        CardNumberError.Missing => "Enter your card number",
        CardNumberError.NotDigits => "Card number must only include numbers, spaces and hyphens",
        CardNumberError.WrongLength => "Enter a 15-digit card number",
        CardNumberError.NotValid => "The card number is not valid",
        _ => string.Empty,
    };

    internal static CardNumberParseResult Ok(CardNumber value) => new(value, CardNumberError.None);

    internal static CardNumberParseResult Fail(CardNumberError error) => new(null, error);
}
