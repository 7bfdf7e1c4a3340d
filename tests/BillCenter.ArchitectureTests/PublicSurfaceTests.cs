using BillCenter.SharedKernel.Web.Journeys;
using MediatR;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BillCenter.ArchitectureTests;

public class PublicSurfaceTests
{
    private static readonly Type[] HandlerInterfaces = [typeof(IRequestHandler<,>), typeof(INotificationHandler<>)];

    /// <summary>Visible outside its assembly: public, and if nested, inside public types all the way out.</summary>
    private static bool IsPublic(Type type) => type.IsVisible;

    private static bool IsPageModel(Type type) => typeof(PageModel).IsAssignableFrom(type);

    private static bool IsJourney(Type type) => JourneyState(type) is not null;

    /// <summary>The state type of a journey (<c>Journey&lt;TState&gt;</c>), or null when the type is not a journey.</summary>
    private static Type? JourneyState(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Journey<>))
            {
                return t.GetGenericArguments()[0];
            }
        }

        return null;
    }

    private static bool IsAllowedPublic(ModuleUnderTest module, Type type) =>
        module.IsContract(type)
        // A journey and its state are the base type of its pages (JourneyPage<TJourney, TState>), so as public as they are;
        // enums the state holds come with it.
        || IsJourney(type)
        || module.Types.Where(IsJourney).Select(JourneyState).Any(state => state == type || state!.GetProperties().Any(p => Nullable.GetUnderlyingType(p.PropertyType) == type || p.PropertyType == type))
        || Solution.IsModuleEntryPoint(type)
        || IsPageModel(type)
        // The input model a page binds its form to is part of that page model.
        || (type.DeclaringType is { } declaring && IsPageModel(declaring))
        // Razor-generated view and page classes.
        || typeof(RazorPageBase).IsAssignableFrom(type)
        // EF Core scaffolds migrations as public; they are found by reflection and hold no module logic.
        || typeof(Migration).IsAssignableFrom(type);

    private static bool IsHandler(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition()));

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void Given_a_module_Then_only_contracts_the_entry_point_and_pages_are_public(string module)
    {
        var m = Solution.Module(module);

        Report.NoOffenders(
            $"In module {module} only {m.ContractsNamespace}, the IModule entry point and Razor pages may be public; " +
            "make handlers, DbContexts, entities, validators and services internal.",
            m.Types.Where(t => IsPublic(t) && !IsAllowedPublic(m, t)));
    }

    [Fact]
    public void Given_the_public_surface_rule_Then_it_would_catch_public_types_outside_a_module_contract()
    {
        // The shared kernel is public by design: run against it, the same rule must object.
        var kernelAsModule = Solution.Modules[0];
        var offenders = Solution.SharedKernel.GetTypes().Where(t => IsPublic(t) && !IsAllowedPublic(kernelAsModule, t));

        Assert.NotEmpty(offenders);
    }

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void Given_a_module_Then_it_has_public_contracts_pages_and_entry_point(string module)
    {
        var m = Solution.Module(module);
        var publicTypes = m.Types.Where(IsPublic).ToList();

        // A module only of pages (Activation) has no contracts; one that has them makes them public.
        Assert.Equal(m.OwnTypes.Any(m.IsContract), publicTypes.Any(m.IsContract));
        Assert.Contains(publicTypes, IsPageModel);
        Assert.Contains(publicTypes, Solution.IsModuleEntryPoint);
    }

    [Fact]
    public void Given_every_BillCenter_assembly_Then_no_MediatR_handler_is_public()
    {
        var handlers = Solution.All.SelectMany(a => a.GetTypes()).Where(IsHandler).ToList();

        Assert.True(handlers.Count >= Solution.Modules.Count, $"found only {handlers.Count} handlers");
        Report.NoOffenders("Request and notification handlers must not be public.", handlers.Where(IsPublic));
    }

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void Given_a_module_Then_it_has_handlers_and_none_is_public(string module)
    {
        var handlers = Solution.Module(module).Types.Where(IsHandler).ToList();

        Assert.NotEmpty(handlers);
        Report.NoOffenders($"Handlers of module {module} must not be public.", handlers.Where(IsPublic));
    }
}
