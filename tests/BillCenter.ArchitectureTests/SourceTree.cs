using System.Text.RegularExpressions;

namespace BillCenter.ArchitectureTests;

/// <summary>The repository's source files, for the rules that are about where code lives rather than what it references.</summary>
internal static partial class SourceTree
{
    /// <summary>The folder holding BillCenter.sln, found upwards from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string ModulesFolder => Path.Combine(Root, "src", "Modules");

    /// <summary>The source folder of a module: src/Modules/&lt;Name&gt;, named like the assembly's last part.</summary>
    public static string ModuleFolder(ModuleUnderTest module) => Path.Combine(ModulesFolder, module.Name);

    /// <summary>Every hand-written C# file under <paramref name="folder"/> (no build output, no generated migrations).</summary>
    public static IEnumerable<string> CSharpFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !Relative(folder, path).Split('/').Any(part => part is "bin" or "obj" or "Migrations"));

    public static string Relative(string folder, string path) => Path.GetRelativePath(folder, path).Replace('\\', '/');

    /// <summary>The top-level types a file declares (file-scoped namespaces: top-level declarations start in column 0).</summary>
    public static IReadOnlyList<string> TopLevelTypeNames(string source) =>
        [.. TopLevelDeclaration().Matches(source).Select(m => m.Groups["name"].Value)];

    /// <summary>The namespace a file declares, or null.</summary>
    public static string? Namespace(string source) => NamespaceDeclaration().Match(source) is { Success: true } m ? m.Groups["ns"].Value : null;

    /// <summary>The route of a Razor page (@page "/route"), or null when it takes the one of its path.</summary>
    public static string? PageRoute(string razor) => PageDirective().Match(razor) is { Success: true } m && m.Groups["route"].Success ? m.Groups["route"].Value : null;

    public static bool IsPage(string razor) => PageDirective().IsMatch(razor);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BillCenter.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"BillCenter.sln not found above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^(?:(?:public|internal|file|sealed|static|abstract|partial|readonly)\s+)*(?:class|record\s+struct|record\s+class|record|struct|interface|enum)\s+(?<name>[A-Za-z_]\w*)", RegexOptions.Multiline)]
    private static partial Regex TopLevelDeclaration();

    [GeneratedRegex(@"^namespace\s+(?<ns>[\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"^@page(?:[ \t]+""(?<route>[^""]*)"")?", RegexOptions.Multiline)]
    private static partial Regex PageDirective();
}
