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
}
