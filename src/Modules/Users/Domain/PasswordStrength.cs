using Zxcvbn.Matcher;

namespace BillCenter.Modules.Users.Domain;

/// <summary>
/// How guessable a password is, by zxcvbn (dictionaries of common passwords, words and names, keyboard patterns,
/// repeats, sequences, dates and the user's own details), with its advice in the cardholder's words. zxcvbn-core
/// 1.1.17 gives a score and the patterns it found but no feedback, so the warning and suggestions are zxcvbn's own
/// feedback rules applied to those patterns.
/// </summary>
internal static class PasswordStrength
{
    /// <summary>
    /// Only this many leading characters are evaluated: zxcvbn's cost grows steeply with length (about 1 ms at 8
    /// characters, 10–25 ms at 28–35, 90 ms at 64 and 370 ms at 256 on a 2-core server), and a prefix this long that
    /// is not weak already makes the whole password strong enough.
    /// </summary>
    public const int EvaluatedLength = 32;

    /// <summary>Scores 0 and 1 ("too guessable", "very guessable") are refused.</summary>
    public const int MinimumScore = 2;

    /// <summary>Words of this site an attacker would try first, passed to zxcvbn with the user's own details.</summary>
    private static readonly string[] SiteWords = ["billcenter", "bill center", "bill", "center", "card", "cardholder", "statement"];

    private static readonly Zxcvbn.Zxcvbn Evaluator = new();

    // zxcvbn-core keeps its dictionaries in the evaluator; one evaluation at a time keeps it safe to share.
    private static readonly Lock Gate = new();

    /// <summary>Null when the password is strong enough; otherwise why not and what to do, as one sentence for the page.</summary>
    public static string? Weakness(string password, IEnumerable<string?> userInputs)
    {
        ArgumentNullException.ThrowIfNull(password);
        var inputs = userInputs.Where(i => !string.IsNullOrWhiteSpace(i))
            .SelectMany(i => new[] { i!.Trim() }.Concat(i!.Split(['.', '_', '-', '@', ' '], StringSplitOptions.RemoveEmptyEntries)))
            .Concat(SiteWords)
            .Select(i => i.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var evaluated = password.Length > EvaluatedLength ? password[..EvaluatedLength] : password;
        Zxcvbn.Result result;
        lock (Gate)
        {
            result = Evaluator.EvaluatePassword(evaluated, inputs);
        }

        return result.Score >= MinimumScore ? null : Feedback(result);
    }

    private static string Feedback(Zxcvbn.Result result)
    {
        var suggestions = new List<string> { "Add another word or two: uncommon words are better" };
        var longest = result.MatchSequence.Where(m => m.Pattern != "bruteforce").MaxBy(m => m.Token.Length);
        var warning = longest is null ? null : Warning(longest, result.MatchSequence.Count == 1, suggestions);
        return string.Join(". ", new[] { warning ?? "This password is easy to guess" }.Concat(suggestions));
    }

    private static string? Warning(Zxcvbn.Match match, bool soleMatch, List<string> suggestions)
    {
        switch (match)
        {
            case DictionaryMatch word:
                if (word.Token.Length > 1 && word.Token.All(char.IsUpper))
                {
                    suggestions.Add("All capitals are almost as easy to guess as all lower case");
                }
                else if (word.Token.Length > 0 && char.IsUpper(word.Token[0]))
                {
                    suggestions.Add("A capital letter at the start does not help very much");
                }

                if (word is L33tDictionaryMatch)
                {
                    suggestions.Add("Predictable substitutions like ‘@’ instead of ‘a’ do not help very much");
                }

                return word.DictionaryName switch
                {
                    "passwords" when soleMatch && word.Rank <= 10 => "This is a top-10 common password",
                    "passwords" when soleMatch && word.Rank <= 100 => "This is a top-100 common password",
                    "passwords" when soleMatch => "This is a very common password",
                    "passwords" => "This is similar to a commonly used password",
                    "english" when soleMatch => "A word by itself is easy to guess",
                    "surnames" or "male_names" or "female_names" when soleMatch => "Names and surnames by themselves are easy to guess",
                    "surnames" or "male_names" or "female_names" => "Common names and surnames are easy to guess",
                    "user_inputs" => "Do not build your password from your user ID or the name of this site",
                    _ => null,
                };
            case SpatialMatch spatial:
                suggestions.Add("Use a longer keyboard pattern with more turns");
                return spatial.Turns == 1 ? "Straight rows of keys are easy to guess" : "Short keyboard patterns are easy to guess";
            case RepeatMatch:
                suggestions.Add("Avoid repeated words and characters");
                return "Repeats like ‘aaa’ are easy to guess";
            case SequenceMatch:
                suggestions.Add("Avoid sequences");
                return "Sequences like ‘abc’ or ‘6543’ are easy to guess";
            case DateMatch:
                suggestions.Add("Avoid dates and years that are linked to you");
                return "Dates are often easy to guess";
            default:
                if (match.Pattern == "year")
                {
                    suggestions.Add("Avoid recent years, and years that are linked to you");
                    return "Recent years are easy to guess";
                }

                return null;
        }
    }
}
