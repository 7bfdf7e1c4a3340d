using BillCenter.Modules.Users.Domain;
using Microsoft.AspNetCore.Identity;

namespace BillCenter.Modules.Users.Domain;

/// <summary>
/// Password rules after NIST SP 800-63B: at least 8 characters (15 or more recommended), long passphrases welcome,
/// no composition rules, and no password that is a simple pattern, built from the user ID, or that zxcvbn finds
/// easy to guess (its dictionaries include tens of thousands of common and breached passwords), with its reason.
/// </summary>
internal sealed class PasswordRules : IPasswordValidator<BillCenterUser>
{
    public const int MinimumLength = 8;
    public const int RecommendedLength = 15;
    public const int MaximumLength = 256;

    public static string Describe =>
        $"Use at least {MinimumLength} characters — {RecommendedLength} or more is better. A few unrelated words make a strong, memorable password. Spaces and any characters are allowed.";

    /// <summary>The reasons a password is refused, in the words a cardholder sees; empty when it is acceptable.</summary>
    public static IReadOnlyList<string> Check(string? password, string? userName)
    {
        var reasons = new List<string>();
        if (string.IsNullOrEmpty(password))
        {
            reasons.Add("Enter a password");
            return reasons;
        }

        if (password.Length < MinimumLength)
        {
            reasons.Add($"Password must be {MinimumLength} characters or more");
        }
        else if (password.Length > MaximumLength)
        {
            reasons.Add($"Password must be {MaximumLength} characters or fewer");
        }
        else if (IsSimplePattern(password))
        {
            reasons.Add("Password must not be a repeated or sequential pattern like ‘aaaaaaaa’ or ‘12345678’");
        }
        else if (!string.IsNullOrWhiteSpace(userName) && userName.Length >= 4 && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add("Password must not contain your user ID");
        }
        else if (PasswordStrength.Weakness(password.Trim(), [userName]) is { } weakness)
        {
            reasons.Add(weakness);
        }

        return reasons;
    }

    public Task<IdentityResult> ValidateAsync(UserManager<BillCenterUser> manager, BillCenterUser user, string? password)
    {
        var reasons = Check(password, user?.UserName);
        return Task.FromResult(reasons.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed(reasons.Select(r => new IdentityError { Code = "Password", Description = r }).ToArray()));
    }

    private static bool IsSimplePattern(string password)
    {
        if (password.Distinct().Count() <= 2)
        {
            return true;
        }

        var ascending = true;
        var descending = true;
        for (var i = 1; i < password.Length; i++)
        {
            // Digits wrap around, so "1234567890" and "0987654321" count as sequences too.
            ascending &= password[i] == password[i - 1] + 1 || (password[i - 1] == '9' && password[i] == '0');
            descending &= password[i] == password[i - 1] - 1 || (password[i - 1] == '0' && password[i] == '9');
        }

        return ascending || descending;
    }
}
