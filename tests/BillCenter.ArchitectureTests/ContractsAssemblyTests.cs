using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.ArchitectureTests;

/// <summary>
/// A module's contracts assembly (BillCenter.Modules.X.Contracts) holds the words other modules use to talk to X:
/// requests, results, enums and integration events. It is referenced instead of the module, so it must stay words.
/// </summary>
public class ContractsAssemblyTests
{
    private static readonly Type[] HandlerInterfaces = [typeof(IRequestHandler<,>), typeof(INotificationHandler<>)];

    private static IEnumerable<Type> BillCenterTypes(string assembly) =>
        Solution.ContractsAssembly(assembly).GetTypes().Where(t => t.Namespace?.StartsWith("BillCenter.", StringComparison.Ordinal) == true);

    [Fact]
    public void Given_the_solution_Then_there_are_contracts_assemblies_to_check()
    {
        Assert.NotEmpty(Solution.ContractsAssemblies);
    }

    [Theory]
    [MemberData(nameof(Solution.ContractsAssemblyNames), MemberType = typeof(Solution))]
    public void Given_a_contracts_assembly_Then_it_belongs_to_a_module(string assembly)
    {
        var module = assembly[..^Solution.ContractsSuffix.Length];

        Assert.Contains(Solution.Modules, m => m.RootNamespace == module);
    }

    [Theory]
    [MemberData(nameof(Solution.ContractsAssemblyNames), MemberType = typeof(Solution))]
    public void Given_a_contracts_assembly_Then_every_type_is_a_public_contract_in_its_namespace(string assembly)
    {
        var types = BillCenterTypes(assembly).ToList();

        Assert.NotEmpty(types);
        Report.NoOffenders(
            $"{assembly} may hold only public types in the namespace {assembly}.",
            types.Where(t => !t.IsVisible || !ModuleUnderTest.IsInNamespace(t.Namespace, assembly)));
    }

    [Theory]
    [MemberData(nameof(Solution.ContractsAssemblyNames), MemberType = typeof(Solution))]
    public void Given_a_contracts_assembly_Then_it_has_no_handler_and_no_DbContext(string assembly)
    {
        var offenders = Solution.ContractsAssembly(assembly).GetTypes().Where(t =>
            typeof(DbContext).IsAssignableFrom(t) ||
            t.GetInterfaces().Any(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition())));

        Report.NoOffenders($"{assembly} holds words only: handlers and DbContexts belong in the module.", offenders);
    }

    [Theory]
    [MemberData(nameof(Solution.ContractsAssemblyNames), MemberType = typeof(Solution))]
    public void Given_a_contracts_assembly_Then_it_references_no_module_and_not_the_Host(string assembly)
    {
        var references = Solution.ContractsAssembly(assembly).GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var contracts = Solution.ContractsAssemblies.Select(a => a.GetName().Name!).ToHashSet(StringComparer.Ordinal);

        // Every contracts assembly speaks MediatR (requests, notifications): proof the references were read. The shared
        // kernel is optional (a contracts assembly of plain records and enums needs nothing of it). Another module's
        // contracts are words too (Preferences' alert choices are per Notifications' AlertType): allowed, never a module.
        Assert.Contains("MediatR", references);
        Report.NoOffenders(
            $"{assembly} may depend on the shared kernel, MediatR and other contracts only, never on a module or the Host.",
            references.Where(name => (name.StartsWith(Solution.ModulesPrefix, StringComparison.Ordinal) && !contracts.Contains(name))
                || name == Solution.Host.GetName().Name));
        Report.NoOffenders(
            $"{assembly} may depend on the shared kernel, MediatR, other contracts and the .NET runtime only.",
            references.Where(name => name != Solution.SharedKernel.GetName().Name && name != "MediatR" && name != "netstandard"
                && !contracts.Contains(name) && !name.StartsWith("System.", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Solution.ModulePairs), MemberType = typeof(Solution))]
    public void Given_a_module_with_a_contracts_assembly_Then_other_modules_reference_that_not_the_module(string from, string to)
    {
        var target = Solution.Module(to);
        var references = Solution.Module(from).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.False(
            target.ContractsAssembly is not null && references.Contains(target.Assembly.GetName().Name),
            $"Module {from} references the assembly of module {to}; reference {to}'s contracts assembly instead.");
    }

    [Fact]
    public void Given_the_publishers_of_alerts_Then_they_reference_the_Notifications_contracts_not_the_module()
    {
        // Proves the rule above has a real case: Accounts publishes AlertRequested, Enrollment sends one-time codes.
        var notifications = Solution.Module("Notifications");
        foreach (var publisher in new[] { "Accounts", "Enrollment" })
        {
            var references = Solution.Module(publisher).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
            Assert.Contains(notifications.ContractsAssembly!.GetName().Name, references);
            Assert.DoesNotContain(notifications.Assembly.GetName().Name, references);
        }
    }
}
