using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Threading.RateLimiting;
using BillCenter.SharedKernel.Security;
using Microsoft.AspNetCore.Diagnostics;

namespace BillCenter.Host.Platform;

/// <summary>
/// The rate limits: every anonymous form post per client address (RateLimiting:AnonymousPostsPerMinute), and each
/// <see cref="SecurityStep"/> a page marks with <see cref="RateLimitedStepAttribute"/> (RateLimiting:&lt;Step&gt;:Attempts
/// per RateLimiting:&lt;Step&gt;:Window), per signed-in user or else per client address. A client address is the full IPv4
/// address, or the /64 network of an IPv6 address (one household or device gets a whole /64 and can pick any address in it).
/// Refused posts answer 429 with Retry-After and the friendly status page.
/// </summary>
internal static class PlatformRateLimits
{
    /// <summary>The default limit of each step, per user or client address.</summary>
    private static readonly Dictionary<SecurityStep, (int Attempts, TimeSpan Window)> Defaults = new()
    {
        [SecurityStep.CardCheck] = (10, TimeSpan.FromMinutes(15)),
        [SecurityStep.SendCode] = (5, TimeSpan.FromMinutes(15)),
        [SecurityStep.EnterCode] = (10, TimeSpan.FromMinutes(15)),
        [SecurityStep.SignIn] = (20, TimeSpan.FromMinutes(15)),
    };

    public static void AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var anonymousPostsPerMinute = Positive(configuration.GetValue("RateLimiting:AnonymousPostsPerMinute", 30), "RateLimiting:AnonymousPostsPerMinute");
        var steps = Enum.GetValues<SecurityStep>().ToDictionary(step => step, step => StepLimit(configuration, step));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };

            // The re-executed status page of a refused request is never counted again.
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                    HttpMethods.IsPost(http.Request.Method) && http.User.Identity?.IsAuthenticated != true && !IsStatusPage(http)
                        ? RateLimitPartition.GetFixedWindowLimiter($"anonymous-post:{ClientAddress(http.Connection.RemoteIpAddress)}",
                            _ => Window(anonymousPostsPerMinute, TimeSpan.FromMinutes(1)))
                        : RateLimitPartition.GetNoLimiter(string.Empty)),
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                    HttpMethods.IsPost(http.Request.Method) && !IsStatusPage(http) && StepOf(http) is { } step
                        ? RateLimitPartition.GetFixedWindowLimiter($"{step}:{Client(http)}", _ => Window(steps[step].Attempts, steps[step].Window))
                        : RateLimitPartition.GetNoLimiter(string.Empty)));
        });
    }

    /// <summary>Who a step's attempts count against: the signed-in user, or else the client address.</summary>
    internal static string Client(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } userId
            ? $"user:{userId}"
            : $"address:{ClientAddress(http.Connection.RemoteIpAddress)}";

    /// <summary>An IPv4 address as it is (also when it comes as ::ffff:a.b.c.d); an IPv6 address as its /64 network.</summary>
    internal static string ClientAddress(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    /// <summary>The step of this post: the page's mark for the handler it names (?handler=…), else its mark without a handler.</summary>
    private static SecurityStep? StepOf(HttpContext http)
    {
        var marks = http.GetEndpoint()?.Metadata.GetOrderedMetadata<RateLimitedStepAttribute>();
        if (marks is null || marks.Count == 0)
        {
            return null;
        }

        var handler = http.Request.RouteValues["handler"]?.ToString() is { Length: > 0 } routed ? routed : http.Request.Query["handler"].ToString();
        var mark = marks.FirstOrDefault(m => m.Handler is not null && string.Equals(m.Handler, handler, StringComparison.OrdinalIgnoreCase))
                   ?? marks.FirstOrDefault(m => m.Handler is null)
                   ?? marks[0];
        return mark.Step;
    }

    private static bool IsStatusPage(HttpContext http) => http.Features.Get<IStatusCodeReExecuteFeature>() is not null;

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };

    private static (int Attempts, TimeSpan Window) StepLimit(IConfiguration configuration, SecurityStep step)
    {
        var (attempts, window) = Defaults[step];
        attempts = Positive(configuration.GetValue($"RateLimiting:{step}:Attempts", attempts), $"RateLimiting:{step}:Attempts");
        window = configuration.GetValue($"RateLimiting:{step}:Window", window);
        return window > TimeSpan.Zero ? (attempts, window) : throw new InvalidOperationException($"RateLimiting:{step}:Window must be a positive time span, e.g. 00:15:00.");
    }

    private static int Positive(int value, string key) =>
        value > 0 ? value : throw new InvalidOperationException($"{key} must be a positive number.");
}
