using System.Security.Cryptography;
using BillCenter.SharedKernel.Cards;

namespace BillCenter.Testing;

/// <summary>Fresh, valid card numbers and card IDs, so tests never collide with each other or the demo data.</summary>
public static class TestCards
{
    public static string NewCardNumber()
    {
        var payload = (RandomNumberGenerator.GetInt32(2) == 0 ? "34" : "37") +
                      string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));
        return payload + Luhn.CheckDigit(payload);
    }

    public static string NewCardId() => RandomNumberGenerator.GetInt32(0, 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A card ID guaranteed to differ from <paramref name="cardId"/>.</summary>
    public static string WrongCardId(string cardId) =>
        ((int.Parse(cardId, System.Globalization.CultureInfo.InvariantCulture) + 1 + RandomNumberGenerator.GetInt32(9_998)) % 10_000)
            .ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    public static CardNumber Parse(string number) => CardNumber.Parse(number).Value ?? throw new ArgumentException("invalid card number", nameof(number));

    public static CardId ParseCardId(string cardId) => CardId.TryParse(cardId, out var id) ? id : throw new ArgumentException("invalid card ID", nameof(cardId));

    public static ZipCode Zip(string zip) => ZipCode.TryParse(zip, out var z) ? z : throw new ArgumentException("invalid ZIP", nameof(zip));
}

/// <summary>Unique user IDs of letters only (a random run of 12+ digits would be refused as card-number-like).</summary>
public static class TestUsers
{
    public static string NewUserId(string prefix = "user") =>
        $"{prefix}.{TestMarkers.New()}"[..Math.Min(prefix.Length + 17, 32)];
}
