using System.Text;
using System.Text.RegularExpressions;

namespace BillCenter.Modules.Audit.Domain;

/// <summary>
/// Makes any text safe to keep in the log and show to an admin: control characters (new lines that could forge a
/// line of a log, terminal escapes, NUL) become spaces, runs of white space become one, and the result is cut to a
/// maximum length. Empty text becomes null. In typed text, a long run of digits (12 or more, as a card number is typed,
/// with or without spaces or hyphens) keeps only its last four: people type card numbers into user ID fields.
/// </summary>
internal static partial class AuditText
{
    [GeneratedRegex(@"(?<!\d)(?:\d[ -]?){11,}\d(?!\d)")]
    private static partial Regex LongNumber();

    /// <summary>Text a person may have typed (a user ID, a detail quoting input): cleaned, and long numbers cut to their last four digits.</summary>
    public static string? CleanTyped(string? text, int maxLength) =>
        Clean(text, maxLength) is { } cleaned
            ? LongNumber().Replace(cleaned, m => "•••• " + string.Concat(m.Value.Where(char.IsAsciiDigit).TakeLast(4)))
            : null;

    public static string? Clean(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength));
        var lastWasSpace = true;
        foreach (var c in text)
        {
            var isSpace = char.IsControl(c) || char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) is
                System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator;
            if (isSpace)
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }

            lastWasSpace = isSpace;
            if (builder.Length >= maxLength)
            {
                break;
            }
        }

        var cleaned = builder.ToString().TrimEnd();
        if (cleaned.Length > maxLength)
        {
            cleaned = cleaned[..maxLength];
        }

        // Never end on half of a surrogate pair.
        if (cleaned.Length > 0 && char.IsHighSurrogate(cleaned[^1]))
        {
            cleaned = cleaned[..^1];
        }

        return cleaned.Length == 0 ? null : cleaned;
    }
}
