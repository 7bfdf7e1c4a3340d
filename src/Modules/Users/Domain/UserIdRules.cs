using BillCenter.SharedKernel.Cards;

namespace BillCenter.Modules.Users.Domain;

/// <summary>What a user ID may be. Uniqueness (ignoring case) is checked against the store separately.</summary>
internal static class UserIdRules
{
    public const int MinimumLength = 6;
    public const int MaximumLength = 32;
    public const string AllowedCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-@";

    public static string Describe =>
        $"{MinimumLength} to {MaximumLength} characters: letters, numbers, periods (.), hyphens (-), underscores (_) and @. Not your card number.";

    public static string? Check(string? userName)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            return "Enter a user ID";
        }

        // Checked first: a card number, or a long run of digits that could be one, must never become a user ID.
        if (CardNumber.LooksLikeCardNumber(userName) || LongestDigitRun(userName) >= 12)
        {
            return "User ID must not be a card number or contain a long number";
        }

        if (userName.Length < MinimumLength || userName.Length > MaximumLength)
        {
            return $"User ID must be between {MinimumLength} and {MaximumLength} characters";
        }

        if (userName.Any(c => !AllowedCharacters.Contains(c, StringComparison.Ordinal)))
        {
            return "User ID must only include letters, numbers, periods, hyphens, underscores and @";
        }

        return null;
    }

    private static int LongestDigitRun(string text)
    {
        int longest = 0, current = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                longest = Math.Max(longest, ++current);
            }
            else if (c is not ('.' or '-' or '_' or ' '))
            {
                current = 0;
            }
        }

        return longest;
    }
}
