using System.Reflection;
using BillCenter.SharedKernel.Modules;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.ArchitectureTests;

/// <summary>The assemblies of the running application, found from the Host so that every module is loaded.</summary>
internal static class Solution
{
    public const string ModulesPrefix = "BillCenter.Modules.";

    /// <summary>A module's contracts assembly is named after the module with this suffix: words, not a module.</summary>
    public const string ContractsSuffix = ".Contracts";

    public static Assembly SharedKernel { get; } = typeof(IModule).Assembly;

    public static Assembly Host { get; } = typeof(Program).Assembly;

    /// <summary>Every BillCenter.Modules.*.Contracts assembly: the words of a module that others reference instead of the module.</summary>
    /// <remarks>Declared before <see cref="Modules"/>: each module looks up its contracts assembly here.</remarks>
    public static IReadOnlyList<Assembly> ContractsAssemblies { get; } =
        [.. ModulesAssemblies().Where(IsContractsAssembly).OrderBy(a => a.GetName().Name, StringComparer.Ordinal)];

    /// <summary>Every module: each assembly named BillCenter.Modules.* that the Host references or that sits beside
    /// the tests, and that declares an <see cref="IModule"/>.</summary>
    public static IReadOnlyList<ModuleUnderTest> Modules { get; } = DiscoverModules();

    public static ModuleUnderTest Module(string name) => Modules.Single(m => m.Name == name);

    /// <summary>Module names, for theories.</summary>
    public static TheoryData<string> ModuleNames() => [.. Modules.Select(m => m.Name)];

    /// <summary>Names of the modules that own tables (a DbContext); a module of pages over other modules' contracts has none.</summary>
    public static TheoryData<string> ModuleNamesWithTables() => [.. Modules.Where(m => m.DbContexts.Count > 0).Select(m => m.Name)];

    /// <summary>Every ordered pair of two different modules, for theories.</summary>
    public static TheoryData<string, string> ModulePairs()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var from in Modules)
        {
            foreach (var to in Modules.Where(m => m != from))
            {
                pairs.Add(from.Name, to.Name);
            }
        }

        return pairs;
    }

    /// <summary>Every BillCenter assembly: the shared kernel, the Host and the modules.</summary>
    public static IEnumerable<Assembly> All =>
        new[] { SharedKernel, Host }.Concat(Modules.Select(m => m.Assembly)).Concat(ContractsAssemblies);

    /// <summary>Contracts assembly names, for theories.</summary>
    public static TheoryData<string> ContractsAssemblyNames() => [.. ContractsAssemblies.Select(a => a.GetName().Name!)];

    public static Assembly ContractsAssembly(string name) => ContractsAssemblies.Single(a => a.GetName().Name == name);

    /// <summary>The BillCenter.Modules.* assemblies that should be modules (a contracts assembly is not one).</summary>
    public static IEnumerable<Assembly> ModuleAssemblyCandidates() => ModulesAssemblies().Where(a => !IsContractsAssembly(a));

    public static bool IsContractsAssembly(Assembly assembly) =>
        assembly.GetName().Name!.EndsWith(ContractsSuffix, StringComparison.Ordinal);

    private static IEnumerable<Assembly> ModulesAssemblies()
    {
        var referenced = Host.GetReferencedAssemblies()
            .Where(name => name.Name!.StartsWith(ModulesPrefix, StringComparison.Ordinal))
            .Select(Assembly.Load);
        var besideTests = Directory.EnumerateFiles(AppContext.BaseDirectory, ModulesPrefix + "*.dll")
            .Where(path => !Path.GetFileNameWithoutExtension(path).EndsWith(".Tests", StringComparison.Ordinal))
            .Select(path => Assembly.Load(AssemblyName.GetAssemblyName(path)));
        return referenced.Concat(besideTests).Distinct();
    }

    private static List<ModuleUnderTest> DiscoverModules() =>
        [.. ModuleAssemblyCandidates()
            .Where(assembly => assembly.GetTypes().Any(IsModuleEntryPoint))
            .Select(assembly => new ModuleUnderTest(assembly))
            .OrderBy(module => module.Name, StringComparer.Ordinal)];

    public static bool IsModuleEntryPoint(Type type) =>
        type is { IsClass: true, IsAbstract: false } && typeof(IModule).IsAssignableFrom(type);
}

/// <summary>One module assembly, with the namespaces other modules may not use.</summary>
internal sealed class ModuleUnderTest
{
    public ModuleUnderTest(Assembly assembly)
    {
        Assembly = assembly;
        RootNamespace = assembly.GetName().Name!;
        Name = RootNamespace[Solution.ModulesPrefix.Length..];
        ContractsNamespace = RootNamespace + ".Contracts";
        Types = assembly.GetTypes();
        EntryPoints = [.. Types.Where(Solution.IsModuleEntryPoint)];
        OwnTypes = [.. Types.Where(t => IsInNamespace(t.Namespace, RootNamespace))];
        NonContractNamespaces = [.. OwnTypes
            .Select(t => t.Namespace!)
            .Where(ns => !IsInNamespace(ns, ContractsNamespace))
            .Distinct()
            .Order(StringComparer.Ordinal)];
        DbContexts = [.. Types.Where(t => typeof(DbContext).IsAssignableFrom(t))];
        ContractsAssembly = Solution.ContractsAssemblies.SingleOrDefault(a => a.GetName().Name == ContractsNamespace);
        ContractTypes = [.. OwnTypes.Where(IsContract).Concat(ContractsAssembly?.GetExportedTypes() ?? [])];
    }

    public string Name { get; }

    public Assembly Assembly { get; }

    public string RootNamespace { get; }

    public string ContractsNamespace { get; }

    public IReadOnlyList<Type> Types { get; }

    public IReadOnlyList<Type> EntryPoints { get; }

    /// <summary>Types in the module's own namespaces (not the Razor-generated or compiler-embedded ones).</summary>
    public IReadOnlyList<Type> OwnTypes { get; }

    public IReadOnlyList<string> NonContractNamespaces { get; }

    public IReadOnlyList<Type> DbContexts { get; }

    /// <summary>The module's own contracts assembly (BillCenter.Modules.X.Contracts), when its words live apart from it.</summary>
    public Assembly? ContractsAssembly { get; }

    /// <summary>What the module offers others: its Contracts namespace, in the module or in its contracts assembly.</summary>
    public IReadOnlyList<Type> ContractTypes { get; }

    /// <summary>
    /// What another module must not depend on, in NetArchTest's terms. NetArchTest matches a name and everything
    /// under it, so a namespace that encloses .Contracts (the module's root) is listed type by type instead.
    /// </summary>
    public IReadOnlyList<string> ForbiddenDependencies =>
    [
        .. NonContractNamespaces.SelectMany(ns => IsInNamespace(ContractsNamespace, ns)
            ? OwnTypes.Where(t => t.Namespace == ns && !t.IsNested).Select(t => t.FullName!)
            : [ns]),
    ];

    public bool IsContract(Type type) => IsInNamespace(type.Namespace, ContractsNamespace);

    public override string ToString() => Name;

    /// <summary>True when <paramref name="ns"/> is <paramref name="container"/> or lies under it.</summary>
    public static bool IsInNamespace(string? ns, string container) =>
        ns is not null && (ns == container || ns.StartsWith(container + ".", StringComparison.Ordinal));
}
