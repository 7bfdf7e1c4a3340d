using BillCenter.SharedKernel.Cards;
using CsCheck;

namespace BillCenter.SharedKernel.Tests.Cards;

/// <summary>Generators for card numbers that pass every rule of <see cref="CardNumber"/>.</summary>
internal static class CardGen
{
    /// <summary>A 14-digit payload starting 34 or 37 (American Express ranges).</summary>
    public static readonly Gen<string> Payload =
        Gen.Select(Gen.OneOf("34", "37"), Gen.Char['0', '9'].Array[12], (prefix, rest) => prefix + new string(rest));

    /// <summary>A valid 15-digit card number as plain digits.</summary>
    public static readonly Gen<string> ValidDigits = Payload.Select(payload => payload + Luhn.CheckDigit(payload));

    public static CardNumber Parse(string text)
    {
        var result = CardNumber.Parse(text);
        Assert.True(result.IsValid, $"expected {text} to be a valid card number but got {result.Error}");
        return result.Value!;
    }
}
