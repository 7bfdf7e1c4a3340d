using System.Text.RegularExpressions;

namespace BillCenter.ArchitectureTests;

/// <summary>
/// The words people read (pages, emails and texts, validation messages, the README) are US English and name the
/// code one way: "one-time code". Scanned: every Razor file (Razor comments left out), every C# string literal under
/// src (identifiers and comments left out) and README.md.
/// </summary>
public partial class ProductWordsTests
{
    /// <summary>What must not be read anywhere, with the word to use instead.</summary>
    private static readonly (Regex Pattern, string Instead)[] Forbidden =
    [
        (new Regex(@"\bsecurity codes?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), "one-time code"),
        (new Regex(@"\bfull stops?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), "period"),
        (new Regex(@"(?<![.\w])cancell(ed|ing)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), "canceled, canceling"),
        (new Regex(@"\b\w*(recognis|organis|authoris|normalis|minimis|summaris|customis|initialis|apologis|prioritis|realis)(e|ed|es|ing|ation)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), "-ize"),
        (new Regex(@"\b(behaviour|colour|favour|honour|labour)s?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), "-or"),
        (new Regex(@"\b(catalogue|licence|centre|whilst|enrolment|labelled|travelled)s?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), "US spelling"),
    ];

    [Fact]
    public void Given_the_text_people_read_Then_it_is_US_English_and_says_one_time_code()
    {
        var offenders = TextSources().SelectMany(source => Forbidden.SelectMany(rule => rule.Pattern.Matches(source.Text)
            .Select(m => $"{source.Name}: \"{m.Value}\" (use {rule.Instead})")));

        Report.NoOffenders("User-facing words are US English and the code is a \"one-time code\".", offenders);
    }

    [Fact]
    public void Given_the_scan_Then_it_reads_pages_string_literals_and_the_README_but_not_identifiers_or_comments()
    {
        var sources = TextSources().ToList();

        Assert.Contains(sources, s => s.Name.EndsWith("Pages/SignIn/Code.cshtml", StringComparison.Ordinal) && s.Text.Contains("one-time code", StringComparison.Ordinal));
        Assert.Contains(sources, s => s.Name.EndsWith("Domain/AlertTemplates.cs", StringComparison.Ordinal) && s.Text.Contains("one-time code", StringComparison.Ordinal));
        Assert.Contains(sources, s => s.Name == "README.md");
        Assert.Equal(["\"Canceled\""], Literals("""var status = CardStatus.Cancelled; /* cancelled */ return "Canceled"; // cancelled"""));
        Assert.Equal("<p>Shown</p>", WithoutRazorComments("<p>Shown</p>@* security code *@"));
    }

    private static IEnumerable<(string Name, string Text)> TextSources()
    {
        var src = Path.Combine(SourceTree.Root, "src");
        foreach (var razor in Directory.EnumerateFiles(src, "*.cshtml", SearchOption.AllDirectories).Where(p => !IsBuildOutput(src, p)))
        {
            yield return (SourceTree.Relative(SourceTree.Root, razor), WithoutRazorComments(File.ReadAllText(razor)));
        }

        foreach (var code in SourceTree.CSharpFiles(src))
        {
            yield return (SourceTree.Relative(SourceTree.Root, code), string.Join('\n', Literals(File.ReadAllText(code))));
        }

        yield return ("README.md", File.ReadAllText(Path.Combine(SourceTree.Root, "README.md")));
    }

    private static bool IsBuildOutput(string folder, string path) =>
        SourceTree.Relative(folder, path).Split('/').Any(part => part is "bin" or "obj");

    private static string WithoutRazorComments(string razor) => RazorComment().Replace(razor, string.Empty);

    /// <summary>The string literals of C# source, comments skipped.</summary>
    private static List<string> Literals(string source) =>
        [.. LiteralOrComment().Matches(source).Select(m => m.Value).Where(v => !v.StartsWith('/'))];

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|"""""".*?""""""|@""(?:[^""]|"""")*""|""(?:[^""\\\n]|\\.)*""", RegexOptions.Singleline)]
    private static partial Regex LiteralOrComment();
}
