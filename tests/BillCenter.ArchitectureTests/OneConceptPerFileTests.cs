using System.Reflection;

namespace BillCenter.ArchitectureTests;

/// <summary>
/// A file is named after the one concept it holds. Besides the type named like the file (X.cs, or XModel for
/// X.cshtml.cs) it may declare only that type's companions: types in its own signature (a request's result, an
/// entity's status enum) or types built on it (a DbContext's provider variants and their design-time factories).
/// </summary>
public class OneConceptPerFileTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Files allowed to break the rule, with the reason. Keep it short.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal);

    public static TheoryData<string> Projects() => ["SharedKernel", "Host", .. Solution.Modules.Select(m => m.Name)];

    private static (string Folder, Assembly Assembly) Project(string name) => name switch
    {
        "SharedKernel" => (Path.Combine(SourceTree.Root, "src", "SharedKernel"), Solution.SharedKernel),
        "Host" => (Path.Combine(SourceTree.Root, "src", "Host"), Solution.Host),
        _ => (SourceTree.ModuleFolder(Solution.Module(name)), Solution.Module(name).Assembly),
    };

    internal static string PrimaryName(string path)
    {
        var name = Path.GetFileName(path)[..^".cs".Length];
        return name.EndsWith(".cshtml", StringComparison.Ordinal) ? name[..^".cshtml".Length] + "Model" : name;
    }

    /// <summary>Every type <paramref name="type"/> names in its base types, interfaces, fields, properties, constructors and methods.</summary>
    private static IEnumerable<Type> Signature(Type type)
    {
        IEnumerable<Type> direct =
        [
            .. type.BaseType is { } b ? [b] : Array.Empty<Type>(),
            .. type.GetInterfaces(),
            .. type.GetFields(Declared).Select(f => f.FieldType),
            .. type.GetProperties(Declared).Select(p => p.PropertyType),
            .. type.GetConstructors(Declared).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType),
            .. type.GetMethods(Declared).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)),
        ];
        return direct.SelectMany(Flatten);
    }

    private static IEnumerable<Type> Flatten(Type type)
    {
        if (type.HasElementType)
        {
            return Flatten(type.GetElementType()!);
        }

        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        return type.IsGenericType ? type.GetGenericArguments().SelectMany(Flatten).Prepend(definition) : [definition];
    }

    /// <summary>The types in a file that are neither its primary type nor a companion of it.</summary>
    internal static IEnumerable<string> Strangers(string path, Assembly assembly)
    {
        var source = File.ReadAllText(path);
        var names = SourceTree.TopLevelTypeNames(source);
        var primaryName = PrimaryName(path);
        if (names.Count == 0 || (names.Count == 1 && names[0] == primaryName))
        {
            return [];
        }

        var ns = SourceTree.Namespace(source);
        var types = assembly.GetTypes().Where(t => !t.IsNested && t.Namespace == ns).ToList();
        Type[] Resolve(string name) => [.. types.Where(t => t.Name == name || t.Name.StartsWith(name + "`", StringComparison.Ordinal))];

        // IThing.cs is named Thing.cs when it also holds the implementations of the interface.
        var primary = Resolve(primaryName) is { Length: > 0 } named ? named : Resolve("I" + primaryName);
        if (primary.Length == 0)
        {
            return names.Select(n => $"{n} (the file holds no type {primaryName})");
        }

        var accepted = primary.ToHashSet();
        var candidates = names.Distinct().Where(n => n != primaryName && !primary.Any(p => p.Name == n)).ToDictionary(n => n, Resolve);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (name, resolved) in candidates.Where(c => c.Value.Length > 0 && !c.Value.All(accepted.Contains)).ToList())
            {
                var inSignatureOfAccepted = accepted.SelectMany(Signature).Intersect(resolved).Any();
                var builtOnAccepted = resolved.SelectMany(Signature).Intersect(accepted).Any() &&
                                      resolved.Any(r => r.BaseType is { } b && accepted.Contains(b.IsGenericType ? b.GetGenericTypeDefinition() : b) ||
                                                        r.GetInterfaces().SelectMany(Flatten).Any(accepted.Contains));
                if (inSignatureOfAccepted || builtOnAccepted)
                {
                    accepted.UnionWith(resolved);
                    changed = true;
                }
            }
        }

        return candidates.Where(c => c.Value.Length == 0 || !c.Value.All(accepted.Contains)).Select(c => $"{c.Key} (in {primaryName}'s file)");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Given_a_project_Then_each_file_holds_one_concept_named_like_the_file(string project)
    {
        var (folder, assembly) = Project(project);
        var files = SourceTree.CSharpFiles(folder).ToList();

        Assert.NotEmpty(files);
        Report.NoOffenders(
            $"In {project} a file holds one public or internal concept, named like the file; move these types to files of their own.",
            files.Where(f => !Allowed.ContainsKey(SourceTree.Relative(SourceTree.Root, f)))
                .SelectMany(f => Strangers(f, assembly).Select(s => $"{SourceTree.Relative(SourceTree.Root, f)}: {s}")));
    }

    [Fact]
    public void Given_a_file_holding_two_unrelated_types_Then_the_rule_names_the_stranger()
    {
        var path = Path.Combine(Path.GetTempPath(), $"{nameof(SolutionFixtureTypes.Primary)}.cs");
        File.WriteAllText(path, $$"""
            namespace {{typeof(SolutionFixtureTypes.Primary).Namespace}};

            internal sealed class Primary(Result result) { }

            internal sealed record Result;

            internal sealed class Stranger { }
            """);
        try
        {
            var strangers = Strangers(path, typeof(SolutionFixtureTypes.Primary).Assembly).ToList();

            Assert.Equal(["Stranger (in Primary's file)"], strangers);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
