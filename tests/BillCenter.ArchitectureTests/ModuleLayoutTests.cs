namespace BillCenter.ArchitectureTests;

/// <summary>Every module has the same shape: Contracts/ Data/ Domain/ Features/ Pages/ Jobs/ (those it needs), its entry point and its project.</summary>
public class ModuleLayoutTests
{
    private static readonly string[] Folders = ["Contracts", "Data", "Domain", "Features", "Pages", "Jobs"];

    /// <summary>Infrastructure a module may keep beside the usual folders (delivery channels of Notifications, the session store of Users).</summary>
    private static readonly Dictionary<string, string[]> ExtraFolders = new(StringComparer.Ordinal)
    {
        ["Notifications"] = ["Channels", "Email", "Sms", "Dispatch"],
        ["Users"] = ["Sessions"],
    };

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void Given_a_module_Then_its_top_level_folders_are_Contracts_Data_Domain_Features_Pages_Jobs(string module)
    {
        var folder = SourceTree.ModuleFolder(Solution.Module(module));
        var allowed = Folders.Concat(ExtraFolders.GetValueOrDefault(module, [])).ToHashSet(StringComparer.Ordinal);
        var folders = Directory.EnumerateDirectories(folder).Select(Path.GetFileName).Where(name => name is not ("bin" or "obj")).ToList();

        Assert.Contains("Pages", folders);
        Report.NoOffenders(
            $"Module {module} may have only these top-level folders: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}.",
            folders.Where(name => !allowed.Contains(name!)).Select(name => $"{module}/{name}/"));
    }

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void Given_a_module_Then_its_top_level_files_are_its_entry_point_and_its_project(string module)
    {
        var m = Solution.Module(module);
        var folder = SourceTree.ModuleFolder(m);
        string[] allowed = [$"{m.EntryPoints.Single().Name}.cs", $"{m.RootNamespace}.csproj"];
        var files = Directory.EnumerateFiles(folder).Select(Path.GetFileName).ToList();

        Assert.Contains(allowed[0], files);
        Report.NoOffenders(
            $"Module {module} keeps only {string.Join(" and ", allowed)} at its top level; everything else goes in a folder.",
            files.Where(name => !allowed.Contains(name)).Select(name => $"{module}/{name}"));
    }

    [Fact]
    public void Given_the_modules_folder_Then_every_module_source_folder_is_a_discovered_module()
    {
        var folders = Directory.EnumerateDirectories(SourceTree.ModulesFolder).Select(Path.GetFileName).ToList();

        bool IsModule(string name) => Solution.Modules.Any(m => m.Name == name);

        // A module's contracts assembly (ADR 11) sits beside it: <Module>.Contracts.
        bool IsContractsOfAModule(string name) =>
            name.EndsWith(Solution.ContractsSuffix, StringComparison.Ordinal)
            && IsModule(name[..^Solution.ContractsSuffix.Length])
            && Solution.ContractsAssemblies.Any(a => a.GetName().Name == $"BillCenter.Modules.{name}");

        Report.NoOffenders(
            "Every folder under src/Modules is a module the Host starts (named like BillCenter.Modules.<Folder>), or its contracts assembly (<Module>.Contracts).",
            folders.Where(name => !IsModule(name!) && !IsContractsOfAModule(name!)).Select(name => name!));
    }
}
