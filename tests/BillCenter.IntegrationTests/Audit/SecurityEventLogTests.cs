using System.Text.RegularExpressions;
using BillCenter.Host.DemoData;
using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Audit.Data;
using BillCenter.Modules.Audit.Domain;
using BillCenter.Modules.Audit.Jobs;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BillCenter.IntegrationTests;

/// <summary>
/// The security event log: what another module publishes is recorded with the request's address and browser, cleaned,
/// never at the publisher's expense; old events are purged; admins, and only admins, page and filter the log.
/// </summary>
public abstract partial class SecurityEventLogTests(AppFixture fixture)
{
    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [GeneratedRegex("""<td>(event \d\d) [a-z]{32}</td>""")]
    private static partial Regex EventDetailCell();

    [Fact]
    public async Task Given_an_event_published_during_a_request_Then_one_row_holds_its_fields_the_time_the_client_address_and_the_browser()
    {
        // A whole second: PostgreSQL keeps microseconds, .NET ticks are a tenth of one.
        var clock = new FakeTimeProvider(new DateTimeOffset(DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero));
        await using var app = new AppPublishingOnRequest(fixture.Database, clock);
        var userName = $"audit.{TestMarkers.New()}"[..30];
        var accountId = Guid.NewGuid();
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true };
        using var client = new HttpClient(handler) { BaseAddress = app.ServerAddress };
        await client.SignInOrFailAsync(DemoData.CardholderUserId, DemoData.CardholderPassword);
        clock.Advance(TimeSpan.FromSeconds(7));

        // Over a real socket from loopback (a trusted proxy by default), so the forwarded address is the client's.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{AppPublishingOnRequest.Path}?user={userName}&account={accountId}");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36");
        var response = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var stored = Assert.Single(await EventsOfAsync(app, userName));
        Assert.Equal(SecurityEventKind.SignInFailed, stored.Kind);
        Assert.Equal("user-id-1", stored.UserId);
        Assert.Equal(accountId, stored.CardAccountId);
        Assert.Equal("wrong password", stored.Detail);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, stored.OccurredAt);
        Assert.Equal(DateTimeKind.Utc, stored.OccurredAt.Kind);
        Assert.Equal("203.0.113.9", stored.ClientAddress);
        Assert.StartsWith("Mozilla/5.0 (X11; Linux x86_64)", stored.UserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_card_number_typed_as_a_user_ID_Then_only_its_last_four_digits_are_kept()
    {
        var number = TestCards.NewCardNumber();
        var typed = $"{number[..4]} {number[4..10]}-{number[10..]}";
        var marker = TestMarkers.New();

        await PublishAsync(App, new SecurityEventOccurred(SecurityEventKind.SignInFailed, UserName: typed, Detail: $"unknown user ID {marker}"));

        var stored = Assert.Single(await EventsOfAsync(App, null, e => e.Detail == $"unknown user ID {marker}"));
        Assert.Equal("•••• " + number[^4..], stored.UserName);
    }

    [Fact]
    public async Task Given_over_long_fields_with_control_characters_Then_they_are_stored_cut_and_cleaned()
    {
        var marker = TestMarkers.New();
        var userName = $"evil\r\nINFO forged line {marker}" + new string('x', 1000);

        await PublishAsync(App, new SecurityEventOccurred(SecurityEventKind.SignInFailed, UserId: new string('7', 200), UserName: userName,
            Detail: "line one\nline two\u001b[31m red\u0000 nul\u202e bidi " + new string('d', 2000)));

        var stored = Assert.Single(await EventsOfAsync(App, null, e => e.UserName!.StartsWith("evil INFO forged line " + marker)));
        Assert.Equal(SecurityEvent.MaxUserNameLength, stored.UserName!.Length);
        Assert.Equal(SecurityEvent.MaxUserIdLength, stored.UserId!.Length);
        Assert.Equal(SecurityEvent.MaxDetailLength, stored.Detail!.Length);
        Assert.StartsWith("line one line two [31m red nul bidi ddd", stored.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.UserName + stored.Detail, c => char.IsControl(c) || c == '\u202e');
        // Published outside any request: no address, no browser.
        Assert.Null(stored.ClientAddress);
        Assert.Null(stored.UserAgent);
    }

    [Fact]
    public async Task Given_the_database_fails_Then_the_publisher_does_not_see_it_and_the_error_is_logged_without_the_event_s_fields()
    {
        await using var app = new BillCenterApp(fixture.Database);
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AuditDbContext>();
            await db.Database.ExecuteSqlRawAsync(fixture.Database == TestDatabase.Postgres ? "DROP TABLE audit.security_events" : "DROP TABLE security_events", Cancel);
        });

        await app.WithScopeAsync(async services =>
        {
            var mediator = services.GetRequiredService<IMediator>();
            await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.UserLockedOut, UserName: "secret.user.name", Detail: "private detail"), Cancel);
            // The same scope goes on: the failed event is not tried again by the next publish, which fails alone.
            await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.CodeFailed), Cancel);
        });

        var errors = app.Logs.Lines.Where(l => l.Contains("could not be recorded", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, l => l.StartsWith("Error ", StringComparison.Ordinal) && l.Contains("Security event UserLockedOut could not be recorded", StringComparison.Ordinal));
        Assert.Contains(errors, l => l.Contains("Security event CodeFailed could not be recorded", StringComparison.Ordinal));
        Assert.DoesNotContain("secret.user.name", app.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("private detail", app.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_events_around_the_retention_Then_the_purge_deletes_only_those_older_than_it()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new BillCenterApp(fixture.Database, clock: clock, settings: new Dictionary<string, string?> { ["Audit:RetentionDays"] = "30" });
        var userName = $"purge.{TestMarkers.New()}"[..30];
        await PublishAsync(app, new SecurityEventOccurred(SecurityEventKind.SignInSucceeded, UserName: userName, Detail: "oldest"));
        clock.Advance(TimeSpan.FromDays(2));
        await PublishAsync(app, new SecurityEventOccurred(SecurityEventKind.SignInSucceeded, UserName: userName, Detail: "old"));
        clock.Advance(TimeSpan.FromDays(20));
        await PublishAsync(app, new SecurityEventOccurred(SecurityEventKind.SignInSucceeded, UserName: userName, Detail: "recent"));
        clock.Advance(TimeSpan.FromDays(9));

        // Now: "oldest" is 31 days old, "old" 29, "recent" 9.
        var deleted = 0;
        await app.WithScopeAsync(async services => deleted = await services.GetRequiredService<PurgeOldSecurityEvents>().RunAsync(Cancel));

        Assert.Equal(1, deleted);
        Assert.Equal(["old", "recent"], (await EventsOfAsync(app, userName)).Select(e => e.Detail).Order(StringComparer.Ordinal));

        clock.Advance(TimeSpan.FromDays(2));
        await app.WithScopeAsync(async services => deleted = await services.GetRequiredService<PurgeOldSecurityEvents>().RunAsync(Cancel));
        Assert.Equal(1, deleted);
        Assert.Equal(["recent"], (await EventsOfAsync(app, userName)).Select(e => e.Detail));
    }

    [Fact]
    public async Task Given_no_retention_setting_Then_events_are_kept_400_days()
    {
        await App.WithScopeAsync(services =>
        {
            Assert.Equal(400, services.GetRequiredService<IOptions<AuditOptions>>().Value.RetentionDays);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Given_more_events_than_a_page_Then_the_admin_pages_through_them_newest_first_and_filters_by_user_and_kind()
    {
        var marker = TestMarkers.New();
        var userName = $"pager.{marker}"[..30];
        var userId = Guid.NewGuid().ToString();
        await SeedAsync(marker, userName, userId);
        var admin = App.CreateBrowserLikeClient();
        await admin.SignInAsAdminOrFailAsync(App, "/admin/security-events");

        var first = await admin.GetStringAsync($"/admin/security-events?user={userName}", Cancel);
        var second = await admin.GetStringAsync($"/admin/security-events?user={userName}&pageNumber=2", Cancel);

        Assert.Equal(Expected(1, 50), Shown(first));
        Assert.Contains("newest first: 1 to 50 of 55", first, StringComparison.Ordinal);
        Assert.Contains($"""<a class="link" rel="next" href="/admin/security-events?user={userName}&amp;pageNumber=2">Older events</a>""", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Newer events", first, StringComparison.Ordinal);
        Assert.Contains("<td>Sign-in failed</td>", first, StringComparison.Ordinal);
        Assert.Contains("""<option value="CardSelfServiceLocked">Card self-service locked</option>""", first, StringComparison.Ordinal);
        Assert.Contains("<td>Chrome on Windows</td>", first, StringComparison.Ordinal);
        Assert.Contains("<td>198.51.100.20</td>", first, StringComparison.Ordinal);
        Assert.DoesNotContain("someone else", first, StringComparison.Ordinal);

        Assert.Equal(Expected(51, 55), Shown(second));
        Assert.Contains($"""<a class="link" rel="prev" href="/admin/security-events?user={userName}">Newer events</a>""", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Older events", second, StringComparison.Ordinal);

        // The internal id finds the same events; a kind narrows them; out-of-range or unknown values never fail.
        Assert.Contains("newest first: 1 to 50 of 55", await admin.GetStringAsync($"/admin/security-events?user={userId}", Cancel), StringComparison.Ordinal);
        var codes = await admin.GetStringAsync($"/admin/security-events?user={userName}&kind=CodeSent", Cancel);
        Assert.Equal(["event 03", "event 06"], Shown(codes));
        Assert.Contains("""<option value="CodeSent" selected="selected">Code sent</option>""", codes, StringComparison.Ordinal);
        Assert.Equal(Expected(51, 55), Shown(await admin.GetStringAsync($"/admin/security-events?user={userName}&pageNumber=99", Cancel)));
        var unknownKind = await admin.GetAsync($"/admin/security-events?user={userName}&kind=NoSuchKind", Cancel);
        Assert.Equal(HttpStatusCode.OK, unknownKind.StatusCode);
        Assert.Equal(Expected(1, 50), Shown(await unknownKind.Content.ReadAsStringAsync(Cancel)));
        Assert.Contains("No security events match.", await admin.GetStringAsync($"/admin/security-events?user=nobody.{marker}", Cancel), StringComparison.Ordinal);

        // Unfiltered: everyone's events, newest first, so the newest seeded one leads.
        var all = await admin.GetStringAsync("/admin/security-events", Cancel);
        Assert.Equal("event 01", Shown(all).First());
        Assert.Contains("someone else", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_cardholder_or_an_anonymous_visitor_Then_the_security_event_log_is_refused()
    {
        var anonymous = await App.CreateBrowserLikeClient().GetAsync("/admin/security-events", Cancel);
        var cardholder = App.CreateBrowserLikeClient();
        await cardholder.SignInOrFailAsync(DemoData.CardholderUserId, DemoData.CardholderPassword);
        var forbidden = await cardholder.GetAsync("/admin/security-events", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/sign-in", anonymous.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.DoesNotContain("Security events", await forbidden.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    private static string[] Expected(int from, int to) =>
        Enumerable.Range(from, to - from + 1).Select(i => $"event {i:00}").ToArray();

    /// <summary>The seeded events a page lists, in its order.</summary>
    private static string[] Shown(string html) =>
        EventDetailCell().Matches(html).Select(m => m.Groups[1].Value).ToArray();

    /// <summary>55 events of one user a minute apart, numbered newest first (every third a code sent), and a newer one of someone else.</summary>
    private async Task SeedAsync(string marker, string userName, string userId)
    {
        await App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AuditDbContext>();
            var now = DateTime.UtcNow;
            for (var i = 1; i <= 55; i++)
            {
                db.SecurityEvents.Add(new SecurityEvent
                {
                    OccurredAt = now.AddMinutes(-i),
                    Kind = i is 3 or 6 ? SecurityEventKind.CodeSent : SecurityEventKind.SignInFailed,
                    UserId = userId,
                    UserName = userName,
                    CardAccountId = Guid.NewGuid(),
                    Detail = $"event {i:00} {marker}",
                    ClientAddress = "198.51.100.20",
                    UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
                });
            }

            db.SecurityEvents.Add(new SecurityEvent { OccurredAt = now.AddMinutes(-30), Kind = SecurityEventKind.Enrolled, UserName = "someone.else", Detail = "someone else" });
            await db.SaveChangesAsync(Cancel);
        });
    }

    [Fact]
    public async Task Given_real_sign_ins_Then_the_modules_publish_and_the_log_records_a_failure_and_a_success()
    {
        var unknown = $"nobody.{TestMarkers.New()}"[..30];
        var since = DateTime.UtcNow.AddSeconds(-1);
        using var client = App.CreateBrowserLikeClient();

        var refused = await client.SignInAsync(unknown, "not the password at all");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        await client.SignInOrFailAsync(DemoData.CardholderUserId, DemoData.CardholderPassword);

        var failure = Assert.Single(await EventsOfAsync(App, unknown));
        Assert.Equal(SecurityEventKind.SignInFailed, failure.Kind);
        Assert.Null(failure.UserId);
        Assert.DoesNotContain("not the password", failure.Detail ?? string.Empty, StringComparison.Ordinal);
        var successes = await EventsOfAsync(App, null, e => e.Kind == SecurityEventKind.SignInSucceeded && e.UserName == DemoData.CardholderUserId && e.OccurredAt >= since);
        Assert.NotEmpty(successes);
        Assert.All(successes, e => Assert.False(string.IsNullOrEmpty(e.UserId)));
    }

    private static Task PublishAsync(BillCenterApp app, SecurityEventOccurred securityEvent) =>
        app.WithScopeAsync(services => services.GetRequiredService<IMediator>().Publish(securityEvent, Cancel));

    private static async Task<List<SecurityEvent>> EventsOfAsync(BillCenterApp app, string? userName, System.Linq.Expressions.Expression<Func<SecurityEvent, bool>>? filter = null)
    {
        var events = new List<SecurityEvent>();
        await app.WithScopeAsync(async services =>
        {
            var query = services.GetRequiredService<AuditDbContext>().SecurityEvents.AsNoTracking();
            query = filter is null ? query.Where(e => e.UserName == userName) : query.Where(filter);
            events = await query.ToListAsync(Cancel);
        });
        return events;
    }

    /// <summary>
    /// The app on a real loopback port with one more address, handled at the very end of the pipeline (after forwarded
    /// headers, authentication and authorization), that publishes a security event as a module's page would.
    /// </summary>
    private sealed class AppPublishingOnRequest(TestDatabase database, TimeProvider clock) : BillCenterApp(database, realServer: true, clock: clock)
    {
        public const string Path = "/testing/publish-security-event";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PublishingEndpoint>());
        }

        private sealed class PublishingEndpoint : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Use(async (context, nextMiddleware) =>
                {
                    if (context.Request.Path != Path)
                    {
                        await nextMiddleware(context);
                        return;
                    }

                    await context.RequestServices.GetRequiredService<IMediator>().Publish(new SecurityEventOccurred(
                        SecurityEventKind.SignInFailed, "user-id-1", context.Request.Query["user"], Guid.Parse(context.Request.Query["account"]!), "wrong password"));
                    context.Response.StatusCode = StatusCodes.Status204NoContent;
                });
            };
        }
    }
}

public sealed class SecurityEventLogTestsOnSqlite(SqliteFixture fixture) : SecurityEventLogTests(fixture), IClassFixture<SqliteFixture>;

public sealed class SecurityEventLogTestsOnPostgres(PostgresFixture fixture) : SecurityEventLogTests(fixture), IClassFixture<PostgresFixture>;
