using System.Security.Cryptography.X509Certificates;
using BillCenter.SharedKernel.Security;
using Microsoft.AspNetCore.DataProtection;

namespace BillCenter.Host.Platform;

/// <summary>
/// The session cookie, the Admin policy and the data-protection key ring: platform concerns every module relies on.
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
            options.Cookie.Name = "bc.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = SecurityOptions.CookiePolicy(configuration);
            options.Cookie.SameSite = SameSiteMode.Lax;
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
        services.AddAuthorizationBuilder().AddPolicy(Policies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin));

        var dataProtection = services.AddDataProtection().SetApplicationName("BillCenter");
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            // In production the key ring is encrypted at rest with this certificate; every instance needs it.
            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, configuration["DataProtection:CertificatePassword"]));
        }
    }
}
