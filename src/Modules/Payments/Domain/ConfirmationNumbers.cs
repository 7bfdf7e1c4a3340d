using System.Security.Cryptography;

namespace BillCenter.Modules.Payments.Domain;

/// <summary>
/// "PMT-7K2Q-9XD4-MB3F": 12 random characters (60 bits from the system's random number generator) in Crockford's
/// base 32, so it reads out loud without 0/O or 1/I confusions and cannot be guessed from another one. Unique in the
/// database; a clash (one in a billion billion) is caught there.
/// </summary>
internal static class ConfirmationNumbers
{
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 18;

    public static string New()
    {
        Span<char> chars = stackalloc char[12];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"PMT-{new string(chars[..4])}-{new string(chars[4..8])}-{new string(chars[8..])}";
    }

    public static bool IsWellFormed(string? number) =>
        number is { Length: Length }
        && number.StartsWith("PMT-", StringComparison.Ordinal)
        && number[8] == '-' && number[13] == '-'
        && number.Where((c, i) => i >= 4 && i != 8 && i != 13).All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
