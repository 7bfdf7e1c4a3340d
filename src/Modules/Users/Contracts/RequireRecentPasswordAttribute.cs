using BillCenter.Modules.Users.Sessions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.Modules.Users.Contracts;

/// <summary>
/// Step-up for a signed-in page that changes a security setting: when the session last entered its password more
/// than 5 minutes ago (by the app's clock), a GET or a POST to the page is redirected to
/// <c>/preferences/confirm-password?returnUrl=&lt;this page&gt;</c>, which asks for the password again and comes
/// back. Put it on the page model, in any module: <c>[Authorize, RequireRecentPassword]</c>; a page whose GET only
/// shows things and whose POST changes them takes <c>[RequireRecentPassword(PostsOnly = true)]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class RequireRecentPasswordAttribute : Attribute, IFilterFactory
{
    /// <summary>Where the step-up prompt lives.</summary>
    public const string ConfirmPasswordPath = "/preferences/confirm-password";

    /// <summary>Ask only before a POST (the change), not to show the page.</summary>
    public bool PostsOnly { get; set; }

    public bool IsReusable => false;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        ActivatorUtilities.CreateInstance<RecentPasswordFilter>(serviceProvider, PostsOnly);
}
