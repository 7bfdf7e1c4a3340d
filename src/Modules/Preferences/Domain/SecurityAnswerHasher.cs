using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace BillCenter.Modules.Preferences.Domain;

/// <summary>
/// Answers are compared as the cardholder means them, not as typed: case, spaces and punctuation aside
/// ("St. Mary's" is "st marys" is "STMARYS"). Only a salted, slow hash of that normalized form is kept (the password
/// hasher's PBKDF2), so a copy of the table does not give the answers away.
/// </summary>
internal sealed class SecurityAnswerHasher
{
    /// <summary>The fewest letters and digits an answer may have once normalized.</summary>
    public const int MinLength = 3;

    private readonly PasswordHasher<SecurityAnswer> _hasher = new();
    private readonly Lazy<string> _dummy;

    public SecurityAnswerHasher() =>
        _dummy = new(() => _hasher.HashPassword(new SecurityAnswer(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    /// <summary>
    /// Lower case letters and digits only: "  Jean-Luc! " is "jeanluc". Accented letters stay as typed (the app runs with
    /// invariant globalization, where Unicode normalization is not available, and a hash must not depend on the machine).
    /// </summary>
    public static string Normalize(string? answer)
    {
        var text = answer ?? string.Empty;
        var normalized = new StringBuilder(text.Length);
        foreach (var c in text.Where(char.IsLetterOrDigit))
        {
            normalized.Append(char.ToLowerInvariant(c));
        }

        return normalized.ToString();
    }

    public string Hash(string answer) => _hasher.HashPassword(new SecurityAnswer(), Normalize(answer));

    public bool Matches(string? hash, string answer)
    {
        // No saved answer still costs one hash check, so a question the user did not set answers as slowly as one they did.
        var verified = _hasher.VerifyHashedPassword(new SecurityAnswer(), hash ?? _dummy.Value, Normalize(answer));
        return hash is not null && verified != PasswordVerificationResult.Failed;
    }
}
