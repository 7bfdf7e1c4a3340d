using System.Net;
using System.Threading.RateLimiting;
using BillCenter.SharedKernel.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;

namespace BillCenter.Host.Platform;

/// <summary>Antiforgery, HSTS, forwarded headers and the rate limit on anonymous posts (security headers: <see cref="SecurityHeadersMiddleware"/>).</summary>
internal static class PlatformWebSecurity
{
    public const string AnonymousPostPolicy = "anonymous-post";

    public static void AddWebSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAntiforgery(options =>
        {
            AppCookies.Apply(options.Cookie, builder.Configuration, "af", SameSiteMode.Strict);
            options.FormFieldName = "__RequestVerificationToken";
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        services.Configure<ForwardedHeadersOptions>(options => ConfigureTrustedProxies(options, builder.Configuration));
        services.AddAnonymousPostRateLimit(builder.Configuration);
    }

    /// <summary>
    /// X-Forwarded-For/-Proto are believed only from the proxies and networks of ForwardedHeaders:KnownProxies and
    /// ForwardedHeaders:KnownNetworks (lists of addresses / CIDR). When neither is set, only loopback is trusted
    /// (a reverse proxy on the same host); when either is set, exactly what is listed is trusted, loopback included
    /// only if listed. From any other peer the headers are ignored and the peer's own address is the client's.
    /// </summary>
    private static void ConfigureTrustedProxies(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        var proxies = Entries(configuration, "ForwardedHeaders:KnownProxies");
        var networks = Entries(configuration, "ForwardedHeaders:KnownNetworks");
        if (proxies.Count == 0 && networks.Count == 0)
        {
            return; // ASP.NET Core's defaults: 127.0.0.0/8 and ::1.
        }

        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // The obsolete view of the networks, cleared too so no default survives.
        options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."));
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{network}' is not a network in CIDR notation (e.g. 10.0.0.0/8)."));
        }
    }

    /// <summary>A list setting, as an array (Key:0, Key:1…) and/or comma-separated values (handy in an environment variable).</summary>
    private static List<string> Entries(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        IEnumerable<string?> values = [section.Value, .. section.GetChildren().Select(child => child.Value)];
        return values.SelectMany(value => (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
    }

    private static void AddAnonymousPostRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var permitsPerMinute = configuration.GetValue("RateLimiting:AnonymousPostsPerMinute", 30);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            // Every anonymous POST counts against its client address; signed-in traffic, reads and the
            // re-executed error page of a refused request are not limited here.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                HttpMethods.IsPost(http.Request.Method) && http.User.Identity?.IsAuthenticated != true &&
                http.Features.Get<IStatusCodeReExecuteFeature>() is null
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        $"{AnonymousPostPolicy}:{http.Connection.RemoteIpAddress}",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("unlimited"));
        });
    }
}
