using System.Text.RegularExpressions;

namespace BillCenter.SharedKernel.Contact;

/// <summary>A mailbox (an email address) as a cardholder types it: trimmed, checked for a plausible shape, masked when shown back in an alert.</summary>
public static partial class Mailbox
{
    /// <summary>What an email column holds (RFC 5321's limit on a path).</summary>
    public const int MaxLength = 254;

    public const string EnterMessage = "Enter an email address";

    public const string FormatMessage = "Enter an email address in the correct format, like name@example.com";

    public static readonly string TooLongMessage = $"Email address must be {MaxLength} characters or fewer";

    /// <summary>The trimmed address when it looks like one; otherwise null and the message for the field.</summary>
    public static bool TryParse(string? input, out string email, out string? problem)
    {
        email = (input ?? string.Empty).Trim();
        problem = email.Length == 0 ? EnterMessage
            : email.Length > MaxLength ? TooLongMessage
            : !Shape().IsMatch(email) ? FormatMessage
            : null;
        return problem is null;
    }

    /// <summary>"jane@example.com" → "j•••@example.com".</summary>
    public static string Mask(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "your email address" : $"{email[0]}•••{email[at..]}";
    }

    // One @, something before it, a dotted domain after it, no spaces or angle brackets: a plausible address, not RFC 5322.
    [GeneratedRegex(@"^[^@\s<>""(),;:]+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)+$")]
    private static partial Regex Shape();
}
