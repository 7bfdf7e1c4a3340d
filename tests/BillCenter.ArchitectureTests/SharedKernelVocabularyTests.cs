namespace BillCenter.ArchitectureTests;

/// <summary>The shared kernel holds what every module uses; a module's own words (its events, its kinds of things) live in that module.</summary>
public class SharedKernelVocabularyTests
{
    /// <summary>Words a module owns besides its name: a shared-kernel type named with one belongs to that module's Contracts.</summary>
    private static readonly Dictionary<string, string[]> OwnedWords = new(StringComparer.Ordinal)
    {
        ["Notifications"] = ["Alert", "Sms", "Email"],
    };

    private static IEnumerable<string> WordsOf(ModuleUnderTest module) =>
        new[] { module.Name, module.Name.TrimEnd('s') }.Concat(OwnedWords.GetValueOrDefault(module.Name, [])).Distinct(StringComparer.Ordinal);

    private static IReadOnlyList<Type> SharedTypes { get; } =
        [.. Solution.SharedKernel.GetTypes().Where(t => t.IsVisible && !t.IsNested)];

    [Fact]
    public void Given_the_shared_kernel_Then_no_type_is_named_with_a_module_s_words()
    {
        var offenders = SharedTypes.SelectMany(t => Solution.Modules
            .SelectMany(m => WordsOf(m).Where(word => t.Name.StartsWith(word, StringComparison.Ordinal)).Select(word => $"{t.FullName} (\"{word}\": module {m.Name})")));

        Report.NoOffenders("The shared kernel must not declare a module's vocabulary; move the type to that module's Contracts.", offenders);
    }

    [Fact]
    public void Given_the_vocabulary_rule_Then_it_knows_each_module_s_words()
    {
        Assert.Contains("Notification", WordsOf(Solution.Module("Notifications")));
        Assert.Contains("Alert", WordsOf(Solution.Module("Notifications")));
        Assert.Contains("Account", WordsOf(Solution.Module("Accounts")));
    }
}
