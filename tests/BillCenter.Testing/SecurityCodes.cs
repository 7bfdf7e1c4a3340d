using System.Text.RegularExpressions;
using MimeKit;

namespace BillCenter.Testing;

/// <summary>Reads the one-time security code out of the email or text that carries it.</summary>
public static partial class SecurityCodes
{
    /// <summary>The 6-digit code in <paramref name="text"/>; fails when there is none.</summary>
    public static string In(string? text)
    {
        var match = CodePattern().Match(text ?? string.Empty);
        Assert.True(match.Success, $"no one-time code in: {text}");
        return match.Groups[1].Value;
    }

    /// <summary>The 6-digit code in the plain-text part of <paramref name="message"/>; fails when there is none.</summary>
    public static string In(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return In(message.TextBody);
    }

    /// <summary>True when <paramref name="message"/> carries a security code.</summary>
    public static bool IsIn(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return CodePattern().IsMatch(message.TextBody ?? string.Empty);
    }

    [GeneratedRegex("one-time code is ([0-9]{6})")]
    private static partial Regex CodePattern();
}
