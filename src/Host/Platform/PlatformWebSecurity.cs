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
        services.Configure<ForwardedHeadersOptions>(options =>
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        services.AddAnonymousPostRateLimit(builder.Configuration);
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
