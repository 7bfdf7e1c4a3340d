using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace BillCenter.SharedKernel.Security;

/// <summary>
/// The one cookie policy of the app, for every cookie it sets (session, antiforgery, TempData, journeys): HttpOnly,
/// a SameSite mode, Path=/, no Domain, Secure unless <c>Security:SecureCookies</c> is off (plain-HTTP local
/// development only), and then a <c>__Host-</c> name, so no sibling host can set or shadow it.
/// </summary>
public static class AppCookies
{
    public const string HostPrefix = "__Host-";

    /// <summary>Whether cookies are always Secure (and <c>__Host-</c> named): <c>Security:SecureCookies</c>, on unless turned off.</summary>
    public static bool AlwaysSecure(IConfiguration configuration) =>
        SecurityOptions.CookiePolicy(configuration) == CookieSecurePolicy.Always;

    /// <summary>The cookie's full name: <c>__Host-bc.{shortName}</c> when cookies are Secure, <c>bc.{shortName}</c> otherwise.</summary>
    public static string Name(IConfiguration configuration, string shortName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(shortName);
        return AlwaysSecure(configuration) ? $"{HostPrefix}bc.{shortName}" : $"bc.{shortName}";
    }

    /// <summary>Applies the policy to a framework cookie (authentication, antiforgery, TempData).</summary>
    public static void Apply(CookieBuilder cookie, IConfiguration configuration, string shortName, SameSiteMode sameSite)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        cookie.Name = Name(configuration, shortName);
        cookie.HttpOnly = true;
        cookie.SecurePolicy = SecurityOptions.CookiePolicy(configuration);
        cookie.SameSite = sameSite;
        cookie.Path = "/";
        cookie.Domain = null;
        cookie.IsEssential = true;
    }
}
