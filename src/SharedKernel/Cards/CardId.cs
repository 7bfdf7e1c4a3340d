namespace BillCenter.SharedKernel.Cards;

/// <summary>The 4-digit card ID printed on the front of the card. Never stored or shown; only hashed.</summary>
public sealed class CardId
{
    private CardId(string digits) => Digits = digits;

    internal string Digits { get; }

    public static bool TryParse(string? input, out CardId cardId)
    {
        var text = input?.Trim() ?? string.Empty;
        cardId = null!;
        if (text.Length != 4 || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        cardId = new CardId(text);
        return true;
    }

    public static string? Validate(string? input) =>
        string.IsNullOrWhiteSpace(input) ? "Enter the 4-digit card ID"
        : TryParse(input, out _) ? null
        : "Card ID must be exactly 4 digits";

    public override string ToString() => "card ID ••••";
}
