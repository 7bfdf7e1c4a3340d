namespace BillCenter.ArchitectureTests;

/// <summary>A page is X.cshtml + X.cshtml.cs in the folder its URL names: /sign-in is Pages/SignIn/Index, /enroll/card is Pages/Enroll/Card.</summary>
public class PageFolderTests
{
    /// <summary>"/enroll/already-enrolled/{id}" becomes "Enroll/AlreadyEnrolled": route parameters are left out.</summary>
    internal static string FolderOf(string route) =>
        string.Join('/', route.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(segment => !segment.StartsWith('{'))
            .Select(segment => string.Concat(segment.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(word => char.ToUpperInvariant(word[0]) + word[1..]))));

    /// <summary>Where a page file says it is: Pages/Enroll/Card.cshtml is "Enroll/Card", Pages/SignIn/Index.cshtml is "SignIn".</summary>
    internal static string PathOf(string pagesFolder, string page)
    {
        var relative = SourceTree.Relative(pagesFolder, page)[..^".cshtml".Length];
        return relative == "Index" ? string.Empty : relative.EndsWith("/Index", StringComparison.Ordinal) ? relative[..^"/Index".Length] : relative;
    }

    private static IEnumerable<string> Pages(string pagesFolder) =>
        Directory.Exists(pagesFolder)
            ? Directory.EnumerateFiles(pagesFolder, "*.cshtml", SearchOption.AllDirectories).Where(path => SourceTree.IsPage(File.ReadAllText(path)))
            : [];

    private static IEnumerable<string> RouteMismatches(string pagesFolder) =>
        Pages(pagesFolder)
            .Select(page => (Page: page, Route: SourceTree.PageRoute(File.ReadAllText(page))))
            .Where(p => p.Route is not null && FolderOf(p.Route) != PathOf(pagesFolder, p.Page))
            .Select(p => $"{SourceTree.Relative(SourceTree.Root, p.Page)} has route {p.Route}: expected Pages/{FolderOf(p.Route!)}");

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void Given_a_module_Then_each_page_sits_in_the_folder_its_route_names(string module)
    {
        var pagesFolder = Path.Combine(SourceTree.ModuleFolder(Solution.Module(module)), "Pages");

        Assert.NotEmpty(Pages(pagesFolder));
        Report.NoOffenders($"Pages of module {module} must sit in the folder their @page route names.", RouteMismatches(pagesFolder));
    }

    [Fact]
    public void Given_the_Host_Then_each_page_sits_in_the_folder_its_route_names()
    {
        Report.NoOffenders("Pages of the Host must sit in the folder their @page route names.", RouteMismatches(Path.Combine(SourceTree.Root, "src", "Host", "Pages")));
    }

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void Given_a_module_Then_its_Pages_folder_holds_only_page_slices(string module)
    {
        var pagesFolder = Path.Combine(SourceTree.ModuleFolder(Solution.Module(module)), "Pages");
        var looseCode = Directory.EnumerateFiles(pagesFolder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith(".cshtml.cs", StringComparison.Ordinal))
            // A journey (its steps, transitions and state, ADR 12) lives with the pages that are its steps.
            .Where(path => !path.EndsWith("Journey.cs", StringComparison.Ordinal));
        var pagesWithoutModel = Pages(pagesFolder).Where(page => !File.Exists(page + ".cs"));

        Report.NoOffenders(
            $"In module {module} a page's request, validator and handler are nested in its X.cshtml.cs, not in files of their own under Pages/.",
            looseCode.Concat(pagesWithoutModel).Select(path => SourceTree.Relative(SourceTree.Root, path)));
    }

    [Theory]
    [InlineData("/sign-in", "SignIn")]
    [InlineData("/enroll/already-enrolled", "Enroll/AlreadyEnrolled")]
    [InlineData("/status/{code:int}", "Status")]
    [InlineData("/admin/notifications", "Admin/Notifications")]
    public void Given_a_route_Then_the_expected_folder_is_its_segments_in_PascalCase(string route, string folder)
    {
        Assert.Equal(folder, FolderOf(route));
    }

    [Fact]
    public void Given_a_page_file_Then_Index_stands_for_its_folder()
    {
        Assert.Equal("SignIn", PathOf("/p", "/p/SignIn/Index.cshtml"));
        Assert.Equal("Enroll/Card", PathOf("/p", "/p/Enroll/Card.cshtml"));
        Assert.Equal(string.Empty, PathOf("/p", "/p/Index.cshtml"));
        Assert.NotEqual(FolderOf("/sign-in"), PathOf("/p", "/p/Account/SignIn/Index.cshtml"));
    }
}
