using BillCenter.Modules.Accounts;
using BillCenter.Modules.Users;

namespace BillCenter.ArchitectureTests;

/// <summary>Checks that the other rules have something to check, so none of them passes vacuously.</summary>
public class ModuleDiscoveryTests
{
    [Fact]
    public void Given_the_Host_Then_at_least_two_modules_are_found_including_Accounts_and_Users()
    {
        Assert.True(Solution.Modules.Count >= 2, $"found only: {string.Join(", ", Solution.Modules)}");
        Assert.Contains(Solution.Modules, m => m.Assembly == typeof(AccountsModule).Assembly);
        Assert.Contains(Solution.Modules, m => m.Assembly == typeof(UsersModule).Assembly);
    }

    [Fact]
    public void Given_every_BillCenter_Modules_assembly_Then_it_is_a_module()
    {
        var candidates = Solution.ModuleAssemblyCandidates().ToList();

        Report.NoOffenders(
            "Every BillCenter.Modules.* assembly must declare an IModule entry point.",
            candidates.Where(a => !Solution.Modules.Any(m => m.Assembly == a)).Select(a => a.GetName().Name!));
    }

    [Fact]
    public void Given_the_Notifications_contracts_assembly_Then_it_is_found_and_is_not_taken_for_a_module()
    {
        var contracts = typeof(BillCenter.Modules.Notifications.Contracts.AlertRequested).Assembly;

        Assert.Contains(contracts, Solution.ContractsAssemblies);
        Assert.DoesNotContain(Solution.Modules, m => m.Assembly == contracts);
        Assert.Same(contracts, Solution.Module("Notifications").ContractsAssembly);
    }

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void Given_a_module_Then_it_has_exactly_one_entry_point_in_its_root_namespace(string module)
    {
        var m = Solution.Module(module);

        var entryPoint = Assert.Single(m.EntryPoints);
        Assert.Equal(m.RootNamespace, entryPoint.Namespace);
    }

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void Given_a_module_Then_it_has_non_contract_namespaces_to_protect(string module)
    {
        var m = Solution.Module(module);

        Assert.NotEmpty(m.NonContractNamespaces);
        Assert.NotEmpty(m.ForbiddenDependencies);
        Assert.DoesNotContain(m.ForbiddenDependencies, d => ModuleUnderTest.IsInNamespace(d, m.ContractsNamespace));
        Assert.Contains(m.EntryPoints.Single().FullName!, m.ForbiddenDependencies);
        if (m.DbContexts.Count > 0)
        {
            Assert.Contains(m.DbContexts[0].Namespace!, m.ForbiddenDependencies);
        }
    }

    [Fact]
    public void Given_the_modules_Then_most_offer_contracts_so_the_boundary_rules_are_not_vacuous()
    {
        // A module only of pages (Activation) offers nothing to others; the modules that own data do.
        Assert.True(Solution.Modules.Count(m => m.ContractTypes.Count > 0) >= 3, "found contracts in fewer than three modules");
    }
}
