using System.Security.Cryptography;
using System.Text;
using BillCenter.SharedKernel.Cards;
using Microsoft.Extensions.Options;

namespace BillCenter.SharedKernel.Security;

public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Development-only key (appsettings.Development.json); start-up refuses it outside Development and Testing.</summary>
    public const string DevelopmentHashKey = "ZGV2ZWxvcG1lbnQtb25seS1iaWxsY2VudGVyLWhhc2gta2V5LWRvLW5vdC11c2U=";

    /// <summary>Base64 secret for HMAC-SHA256 card fingerprints and card-ID verifiers (at least 32 bytes).</summary>
    public string HashKey { get; set; } = string.Empty;

    /// <summary>Mark cookies Secure (HTTPS only). Turned off only for local development over plain HTTP.</summary>
    public bool SecureCookies { get; set; } = true;

    public static Microsoft.AspNetCore.Http.CookieSecurePolicy CookiePolicy(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        Microsoft.Extensions.Configuration.ConfigurationBinder.GetValue(configuration, $"{Section}:{nameof(SecureCookies)}", true)
            ? Microsoft.AspNetCore.Http.CookieSecurePolicy.Always
            : Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
}
