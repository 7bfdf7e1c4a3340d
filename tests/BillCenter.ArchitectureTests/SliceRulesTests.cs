using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.ArchitectureTests;

/// <summary>
/// A page's request, validator and handler are nested in its page model (X.cshtml.cs); a request another module
/// sends (declared in Contracts) has its handler in Features/&lt;RequestName&gt;/&lt;RequestName&gt;Handler.cs.
/// </summary>
public class SliceRulesTests
{
    private static readonly Type[] HandlerInterfaces = [typeof(IRequestHandler<,>), typeof(INotificationHandler<>)];

    private static IEnumerable<Type> HandledMessages(Type type) =>
        type.GetInterfaces()
            .Where(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition()))
            .Select(i => i.GetGenericArguments()[0]);

    private static bool IsHandler(Type type) => HandledMessages(type).Any();

    private static bool IsPageModel(Type type) => typeof(PageModel).IsAssignableFrom(type);

    private static bool InSliceNamespace(ModuleUnderTest module, Type type) =>
        ModuleUnderTest.IsInNamespace(type.Namespace, module.RootNamespace + ".Pages") ||
        ModuleUnderTest.IsInNamespace(type.Namespace, module.RootNamespace + ".Features");

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void Given_a_module_Then_every_MediatR_handler_lives_in_a_Pages_or_Features_namespace(string module)
    {
        var m = Solution.Module(module);
        var handlers = m.Types.Where(IsHandler).ToList();

        Assert.NotEmpty(handlers);
        Report.NoOffenders(
            $"Handlers of module {module} belong to a page ({m.RootNamespace}.Pages.*) or a feature ({m.RootNamespace}.Features.*).",
            handlers.Where(h => !InSliceNamespace(m, h)));
    }

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void Given_a_module_Then_the_handler_of_a_contract_request_is_Features_RequestName_RequestNameHandler(string module)
    {
        var m = Solution.Module(module);
        var contractHandlers = m.Types
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)))
            .SelectMany(h => HandledMessages(h).Where(m.IsContract).Select(request => (Handler: h, Request: request)))
            .ToList();

        Report.NoOffenders(
            $"In module {module} a contract request R is handled by {m.RootNamespace}.Features.R.RHandler (one request per folder).",
            contractHandlers
                .Where(x => x.Handler.Namespace != $"{m.RootNamespace}.Features.{x.Request.Name}" || x.Handler.Name != x.Request.Name + "Handler")
                .Select(x => $"{x.Handler.FullName} handles {x.Request.FullName}"));
    }

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void Given_a_module_Then_a_handler_under_Pages_is_nested_in_its_page_model(string module)
    {
        var m = Solution.Module(module);
        var pageHandlers = m.Types.Where(t => IsHandler(t) && ModuleUnderTest.IsInNamespace(t.Namespace, m.RootNamespace + ".Pages"));

        Report.NoOffenders(
            $"In module {module} a page's handler is nested in the page model of X.cshtml.cs, with its request and validator.",
            pageHandlers.Where(h => h.DeclaringType is not { } declaring || !IsPageModel(declaring)));
    }

    [Fact]
    public void Given_every_page_model_Then_its_constructor_takes_no_DbContext()
    {
        var pageModels = Solution.All.SelectMany(a => a.GetTypes()).Where(t => IsPageModel(t) && !t.IsAbstract).ToList();

        Assert.True(pageModels.Count >= Solution.Modules.Count, $"found only {pageModels.Count} page models");
        Report.NoOffenders(
            "A page model is thin: it sends a request through MediatR and never takes a DbContext.",
            pageModels.Where(p => p.GetConstructors().SelectMany(c => c.GetParameters()).Any(param => typeof(DbContext).IsAssignableFrom(param.ParameterType))));
    }

    [Fact]
    public void Given_a_page_model_taking_a_DbContext_Then_the_constructor_check_sees_it()
    {
        var parameters = typeof(PageTakingDbContext).GetConstructors().SelectMany(c => c.GetParameters());

        Assert.Contains(parameters, p => typeof(DbContext).IsAssignableFrom(p.ParameterType));
    }

    private sealed class PageTakingDbContext(DbContext db) : PageModel
    {
        public DbContext Db { get; } = db;
    }
}
