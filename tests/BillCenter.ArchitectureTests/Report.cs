namespace BillCenter.ArchitectureTests;

internal static class Report
{
    /// <summary>Fails with the rule and every offending type, one a line, when there are any.</summary>
    public static void NoOffenders(string rule, IEnumerable<string>? offenders)
    {
        var list = (offenders ?? []).Distinct().Order(StringComparer.Ordinal).ToList();
        if (list.Count > 0)
        {
            Assert.Fail($"{rule}{Environment.NewLine}Offending types ({list.Count}):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", list)}");
        }
    }

    public static void NoOffenders(string rule, IEnumerable<Type> offenders) =>
        NoOffenders(rule, offenders.Select(t => t.FullName ?? t.Name));
}
