using BillCenter.SharedKernel.Messaging;
using NetArchTest.Rules;

namespace BillCenter.ArchitectureTests;

public class SharedKernelRulesTests
{
    [Fact]
    public void Given_the_shared_kernel_Then_no_type_depends_on_a_module_or_the_Host()
    {
        // "Program" is the Host's entry point, which lives in the global namespace.
        var result = Types.InAssembly(Solution.SharedKernel)
            .ShouldNot()
            .HaveDependencyOnAny("BillCenter.Modules", "BillCenter.Host", "Program")
            .GetResult();

        Report.NoOffenders("The shared kernel must not depend on any module or on the Host.", result.FailingTypeNames);
    }

    [Fact]
    public void Given_the_Host_which_uses_the_modules_Then_the_same_check_flags_it()
    {
        // Proves the names above match real dependencies: the Host creates every module, so it must fail the check.
        var result = Types.InAssembly(Solution.Host)
            .ShouldNot()
            .HaveDependencyOnAny("BillCenter.Modules", "BillCenter.Host", "Program")
            .GetResult();

        Assert.False(result.IsSuccessful);
        Assert.Contains("Program", result.FailingTypeNames);
    }

    [Fact]
    public void Given_the_shared_kernel_Then_it_references_no_module_assembly_and_not_the_Host()
    {
        var references = Solution.SharedKernel.GetReferencedAssemblies().Select(a => a.Name!);

        Report.NoOffenders(
            "The shared kernel must not reference a module assembly or the Host.",
            references.Where(name => name.StartsWith(Solution.ModulesPrefix, StringComparison.Ordinal) || name == Solution.Host.GetName().Name));
    }

    [Fact]
    public void Given_the_shared_kernel_Then_it_defines_no_integration_event_of_its_own()
    {
        // The kernel carries events (IIntegrationEvent, the outbox); the events themselves are a module's words and
        // live in that module's contracts, so a new alert type never edits the kernel.
        var events = Solution.SharedKernel.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t));

        Report.NoOffenders("The shared kernel must not define integration events; put them in the owning module's contracts.", events);
    }

    [Fact]
    public void Given_the_contracts_assemblies_Then_the_integration_event_check_finds_events_there()
    {
        // Proves the check above looks for something that exists: AlertRequested is an integration event.
        var events = Solution.ContractsAssemblies.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t));

        Assert.Contains(typeof(BillCenter.Modules.Notifications.Contracts.AlertRequested), events);
    }
}
