using System.Reflection;
using BillCenter.SharedKernel.Modules;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.ArchitectureTests;

/// <summary>The assemblies of the running application, found from the Host so that every module is loaded.</summary>
internal static class Solution
{
    public const string ModulesPrefix = "BillCenter.Modules.";

    public static Assembly SharedKernel { get; } = typeof(IModule).Assembly;

    public static Assembly Host { get; } = typeof(Program).Assembly;

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
    public static IEnumerable<Assembly> All => new[] { SharedKernel, Host }.Concat(Modules.Select(m => m.Assembly));

    public static IEnumerable<Assembly> ModuleAssemblyCandidates()
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
