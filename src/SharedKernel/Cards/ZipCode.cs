namespace BillCenter.SharedKernel.Cards;

/// <summary>A US ZIP code: 5 digits, or ZIP+4 (12345-6789 or 123456789).</summary>
public sealed record ZipCode
{
    private ZipCode(string zip5, string? plus4)
    {
        Zip5 = zip5;
        Plus4 = plus4;
    }

    public string Zip5 { get; }

    public string? Plus4 { get; }

    public static bool TryParse(string? input, out ZipCode zip)
    {
        zip = null!;
        var text = (input ?? string.Empty).Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
        if (text.Length == 10 && text[5] == '-')
        {
            text = string.Concat(text.AsSpan(0, 5), text.AsSpan(6));
        }

        if ((text.Length != 5 && text.Length != 9) || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        zip = new ZipCode(text[..5], text.Length == 9 ? text[5..] : null);
        return true;
    }

    public static string? Validate(string? input) =>
        string.IsNullOrWhiteSpace(input) ? "Enter the ZIP code"
        : TryParse(input, out _) ? null
        : "Enter a ZIP code like 10001 or 10001-1234";

    /// <summary>Two ZIP codes match when their first five digits do (a cardholder rarely knows the +4).</summary>
    public bool Matches(ZipCode other) => Zip5 == other.Zip5;

    public override string ToString() => Plus4 is null ? Zip5 : $"{Zip5}-{Plus4}";
}
