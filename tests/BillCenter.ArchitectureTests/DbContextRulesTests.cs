using NetArchTest.Rules;

namespace BillCenter.ArchitectureTests;

public class DbContextRulesTests
{
    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void Given_a_module_Then_it_has_a_DbContext_and_none_of_its_DbContexts_is_public(string module)
    {
        var m = Solution.Module(module);

        Assert.NotEmpty(m.DbContexts);
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

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
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
