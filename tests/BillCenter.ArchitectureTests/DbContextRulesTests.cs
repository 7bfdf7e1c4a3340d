using NetArchTest.Rules;

namespace BillCenter.ArchitectureTests;

public class DbContextRulesTests
{
    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void Given_a_module_Then_it_has_a_DbContext_if_it_uses_EF_Core_and_none_of_its_DbContexts_is_public(string module)
    {
        var m = Solution.Module(module);

        // A module without tables (Activation) may go without a DbContext, but never use EF Core on someone else's.
        var usesEfCore = m.Assembly.GetReferencedAssemblies().Any(a => a.Name == "Microsoft.EntityFrameworkCore");
        Assert.True(m.DbContexts.Count > 0 || !usesEfCore, $"module {module} uses EF Core but has no DbContext of its own");
        Report.NoOffenders($"The DbContexts of module {module} must be internal.", m.DbContexts.Where(t => t.IsVisible));
    }

    [Theory]
    [MemberData(nameof(Solution.ModulePairs), MemberType = typeof(Solution))]
    public void Given_two_modules_Then_the_first_does_not_use_a_DbContext_of_the_second(string from, string to)
    {
        var contexts = Solution.Module(to).DbContexts.Select(t => t.FullName!).ToArray();

        var result = Types.InAssembly(Solution.Module(from).Assembly)
            .ShouldNot()
            .HaveDependencyOnAny(contexts)
            .GetResult();

        Report.NoOffenders($"Module {from} must not use the DbContext of module {to} ({string.Join(", ", contexts)}).", result.FailingTypeNames);
    }

    [Fact]
    public void Given_the_modules_Then_the_DbContext_rules_have_modules_with_tables_to_check()
    {
        Assert.True(Solution.ModuleNamesWithTables().Count >= 3, $"found tables in only: {string.Join(", ", Solution.ModuleNamesWithTables())}");
    }

    [Theory]
    [MemberData(nameof(Solution.ModuleNamesWithTables), MemberType = typeof(Solution))]
    public void Given_a_module_Then_the_DbContext_rule_does_see_its_own_handlers_using_its_DbContext(string module)
    {
        var m = Solution.Module(module);

        var result = Types.InAssembly(m.Assembly)
            .ShouldNot()
            .HaveDependencyOnAny([.. m.DbContexts.Select(t => t.FullName!)])
            .GetResult();

        Assert.False(result.IsSuccessful);
    }
}
