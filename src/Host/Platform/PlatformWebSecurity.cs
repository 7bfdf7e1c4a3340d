using System.Net;
using BillCenter.SharedKernel.Security;
using BillCenter.SharedKernel.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace BillCenter.Host.Platform;

/// <summary>Antiforgery, HSTS, forwarded headers, request size limits, the rule every bound text passes (<see cref="FormTextBinderProvider"/>) and the rate limits (<see cref="PlatformRateLimits"/>) (security headers: <see cref="SecurityHeadersMiddleware"/>).</summary>
internal static class PlatformWebSecurity
{
    /// <summary>The largest request body accepted (2 MB): any form fits many times over.</summary>
    public const int MaxRequestBodyBytes = 2 * 1024 * 1024;

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
        services.AddRateLimits(builder.Configuration);

        // Forms are small: a body over the limit is refused while it is read, long before it could fill memory or a table.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        services.Configure<FormOptions>(options =>
        {
            options.ValueLengthLimit = MaxRequestBodyBytes;
            options.MultipartBodyLengthLimit = MaxRequestBodyBytes;
            options.ValueCountLimit = 200;
        });
        services.Configure<MvcOptions>(options => options.ModelBinderProviders.Insert(0, new FormTextBinderProvider()));
    }

    /// <summary>
    /// A request whose body cannot be read as a form (too large, malformed, cut short) is the client's mistake: it is
    /// answered 400 with the status page, never 500. Goes after the status pages and before the endpoints.
    /// </summary>
    public static void UseBadRequestAnswers(this WebApplication app) =>
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (Exception exception) when (IsUnreadableRequest(exception) && !http.Response.HasStarted)
            {
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlatformWebSecurity))
                    .LogInformation("A request was refused with 400: its body could not be read ({Reason})", exception.GetType().Name);
                http.Response.Clear();
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        });

    private static bool IsUnreadableRequest(Exception? exception) =>
        exception switch
        {
            BadHttpRequestException or InvalidDataException => true,
            ValueProviderException => IsUnreadableRequest(exception.InnerException),
            _ => false,
        };

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
}
