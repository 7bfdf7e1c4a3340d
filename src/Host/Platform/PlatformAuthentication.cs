using System.Security.Cryptography.X509Certificates;
using BillCenter.SharedKernel.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace BillCenter.Host.Platform;

/// <summary>
/// The session and TempData cookies, signed-in by default (the fallback policy), no-store for private pages, the Admin
/// policy and the data-protection key ring: platform concerns every module relies on.
/// The Users module brings ASP.NET Core Identity, keeps the sessions (and their lifetimes) and the key ring in its
/// tables; the cookie's name and flags and the key ring's protection are set here.
/// </summary>
internal static class PlatformAuthentication
{
    public static void AddAuthentication(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.ConfigureApplicationCookie(options =>
        {
            // Lax, so a link from an e-mail to a signed-in page still carries the session; every POST has a token.
            AppCookies.Apply(options.Cookie, configuration, "session", SameSiteMode.Lax);
            options.LoginPath = "/sign-in";
            options.LogoutPath = "/sign-out";
            options.ReturnUrlParameter = "returnUrl";
            options.Events.OnRedirectToAccessDenied = redirect =>
            {
                // A signed-in user without the right role gets a plain 403 (rendered by the status page).
                redirect.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // Who is half-way through an admin's sign-in (password checked, code not yet): short-lived, never a session.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme,
            options => AppCookies.Apply(options.Cookie, configuration, "sign-in", SameSiteMode.Strict));
        services.Configure<CookieTempDataProviderOptions>(options => AppCookies.Apply(options.Cookie, configuration, "tempdata", SameSiteMode.Lax));
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin)
                .RequireClaim(Policies.SecondFactorClaim, Policies.SecondFactorPassed))
            .SetFallbackPolicy(SignedInByDefault());

        // Signed-in pages and card-data forms are never stored by a browser or a proxy.
        services.Configure<RazorPagesOptions>(options => options.Conventions.ConfigureFilter(new NoStorePageFilter()));

        var dataProtection = services.AddDataProtection().SetApplicationName("BillCenter");
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            // In production the key ring is encrypted at rest with this certificate; every instance needs it.
            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, configuration["DataProtection:CertificatePassword"]));
        }
    }

    /// <summary>
    /// Every endpoint needs a signed-in user unless it says <c>[AllowAnonymous]</c> (or <c>.AllowAnonymous()</c>). A request
    /// that matched no endpoint is let through so that it ends in a plain 404 (its status page is anonymous), not in a
    /// sign-in redirect that would tell an anonymous visitor nothing.
    /// </summary>
    private static AuthorizationPolicy SignedInByDefault() => new AuthorizationPolicyBuilder()
        .RequireAssertion(context =>
            context.User.Identity?.IsAuthenticated == true || (context.Resource is HttpContext http && http.GetEndpoint() is null))
        .Build();
}
