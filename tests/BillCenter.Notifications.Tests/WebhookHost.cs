using System.Threading.RateLimiting;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Notifications.Domain;
using BillCenter.Modules.Notifications.Sms;
using BillCenter.SharedKernel.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace BillCenter.Notifications.Tests;

/// <summary>
/// A small web app with the Notifications tables (fresh SQLite file or throwaway PostgreSQL database) and the Twilio
/// status webhook, behind the same guards as the Host: sign-in required by default, antiforgery, and a limit on
/// anonymous POSTs per address (one a minute here, so a webhook that were limited would fail at once).
/// </summary>
internal sealed class WebhookHost : IAsyncDisposable
{
    public const string AuthToken = "webhook-test-auth-token";
    public const string CallbackUrl = "https://billcenter.example/webhooks/twilio/status";

    private readonly WebApplication _app;
    private readonly DirectoryInfo _folder;
    private readonly string? _postgresDatabase;

    private WebhookHost(WebApplication app, DirectoryInfo folder, string? postgresDatabase, FakeTimeProvider clock)
    {
        _app = app;
        _folder = folder;
        _postgresDatabase = postgresDatabase;
        Clock = clock;
        // No redirects followed: a sign-in challenge shows as the 302 it is.
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Urls.Single()) };
    }

    public HttpClient Client { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>The URL this host's webhook is reached at directly (what it sees as its own request URL).</summary>
    public string DirectUrl => new Uri(Client.BaseAddress!, TwilioStatusWebhook.Path).ToString();

    public static async Task<WebhookHost> StartAsync(TestDatabase database, string? statusCallbackUrl = CallbackUrl)
    {
        var folder = Directory.CreateTempSubdirectory("billcenter-webhook-");
        var postgresDatabase = database == TestDatabase.Postgres ? PostgresDatabases.Create() : null;
        var options = new DatabaseOptions
        {
            Provider = database == TestDatabase.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite,
            ConnectionString = postgresDatabase is null
                ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder.FullName, "billcenter.db") }.ToString()
                : PostgresDatabases.ConnectionString(postgresDatabase),
        };

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:StatusCallbackUrl"] = statusCallbackUrl,
            ["Storage:DataFolder"] = folder.FullName,
        });

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var services = builder.Services;
        services.AddSingleton<TimeProvider>(clock);
        services.AddModuleDbContext<NotificationsDbContext, SqliteNotificationsDbContext, PostgresNotificationsDbContext>(NotificationsDbContext.Schema, options);
        services.AddSms(builder.Configuration, folder.FullName);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        services.AddAuthorization(authorization => authorization.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAntiforgery();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                HttpMethods.IsPost(http.Request.Method) && http.User.Identity?.IsAuthenticated != true
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        $"anonymous-post:{http.Connection.RemoteIpAddress}",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = 1, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("unlimited"));
        });

        var app = builder.Build();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseAuthorization();
        app.MapTwilioStatusWebhook();
        // An ordinary form endpoint, to show the guards above are really on.
        app.MapPost("/guarded", () => Results.Ok());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            // No migrations in this branch yet: the schema straight from the model, for tests only.
            await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Database.EnsureCreatedAsync();
        }

        await app.StartAsync();
        return new WebhookHost(app, folder, postgresDatabase, clock);
    }

    public async Task<Notification> SeedSentSmsAsync(string destination = "+12125550148")
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var notification = new Notification
        {
            Type = AlertType.Security,
            Template = "card-locked",
            Channel = NotificationChannel.Sms,
            Destination = destination,
            TextBody = "BillCenter: your card ending 1007 is locked.",
            Status = NotificationStatus.Sent,
            Attempts = 1,
            ProviderMessageId = $"SM{Guid.NewGuid():N}",
            CreatedAt = now,
            NextAttemptAt = now,
            SentAt = now,
            UpdatedAt = now,
        };

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        db.Notifications.Add(notification);
        await db.SaveChangesAsync();
        return notification;
    }

    public async Task<Notification> FindAsync(Guid id)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Notifications.AsNoTracking().SingleAsync(n => n.Id == id);
    }

    public async Task<SmsOptOut?> FindOptOutAsync(string phoneNumber)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().SmsOptOuts.AsNoTracking()
            .SingleOrDefaultAsync(o => o.PhoneNumber == phoneNumber);
    }

    /// <summary>Posts a status callback as Twilio would, with <paramref name="signature"/> in X-Twilio-Signature (none if null).</summary>
    public async Task<HttpResponseMessage> PostStatusAsync(IReadOnlyDictionary<string, string> form, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TwilioStatusWebhook.Path) { Content = new FormUrlEncodedContent(form) };
        if (signature is not null)
        {
            request.Headers.Add(TwilioStatusWebhook.SignatureHeader, signature);
        }

        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The signature Twilio would send for <paramref name="form"/> posted to <paramref name="url"/>.</summary>
    public static string Sign(IReadOnlyDictionary<string, string> form, string url = CallbackUrl) => FakeTwilio.SignCallback(AuthToken, url, form);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_postgresDatabase is not null)
        {
            await PostgresDatabases.DropAsync(_postgresDatabase);
        }

        _folder.Delete(recursive: true);
    }
}
