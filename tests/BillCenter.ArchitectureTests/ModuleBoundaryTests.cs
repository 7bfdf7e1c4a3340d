using NetArchTest.Rules;

namespace BillCenter.ArchitectureTests;

public class ModuleBoundaryTests
{
    [Theory]
    [MemberData(nameof(Solution.ModulePairs), MemberType = typeof(Solution))]
    public void Given_two_modules_Then_the_first_uses_only_the_Contracts_of_the_second(string from, string to)
    {
        var target = Solution.Module(to);

        var result = Types.InAssembly(Solution.Module(from).Assembly)
            .ShouldNot()
            .HaveDependencyOnAny([.. target.ForbiddenDependencies])
            .GetResult();

        Report.NoOffenders(
            $"Module {from} may use only {target.ContractsNamespace} of module {to}, not: {string.Join(", ", target.ForbiddenDependencies)}.",
            result.FailingTypeNames);
    }

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void Given_the_Host_which_starts_every_module_Then_the_rule_sees_its_use_of_the_module_entry_point(string module)
    {
        // The Host is allowed to create each module's entry point; the same check that guards modules from each
        // other must therefore flag it. This proves the rule compares real dependencies rather than passing vacuously.
        var target = Solution.Module(module);

        var result = Types.InAssembly(Solution.Host)
            .ShouldNot()
            .HaveDependencyOnAny([.. target.ForbiddenDependencies])
            .GetResult();

        Assert.False(result.IsSuccessful);
        Assert.Contains("Program", result.FailingTypeNames);
    }

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void Given_a_module_Then_its_own_types_do_depend_on_its_non_contract_namespaces(string module)
    {
        // Another proof the dependency lists are real: a module's handlers use its own DbContext and domain.
        var m = Solution.Module(module);

        var result = Types.InAssembly(m.Assembly)
            .That().ResideInNamespace(m.RootNamespace)
            .ShouldNot()
            .HaveDependencyOnAny([.. m.ForbiddenDependencies])
            .GetResult();

        Assert.False(result.IsSuccessful);
    }
}
