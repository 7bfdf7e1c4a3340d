using BillCenter.Modules.Users.Contracts;
using BillCenter.Modules.Users.Data;
using BillCenter.Modules.Users.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BillCenter.IntegrationTests;

/// <summary>
/// Server-side sessions: the cookie is a key to a row, so ending the row ends the session on its next request —
/// sign-out, a password reset, "sign out everywhere else", another user signing in, idle time and the absolute lifetime.
/// </summary>
public abstract class SessionTests(AppFixture fixture)
{
    private const string Password = "lantern meadow copper 27";
    private const string FirefoxOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private const string SafariOnIPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    protected BillCenterApp App => fixture.App;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_two_browsers_When_one_signs_out_Then_the_other_still_works_and_the_signed_out_cookie_is_refused_if_replayed()
    {
        var (userName, _) = await NewUserAsync();
        var (first, firstCookie) = await SignedInBrowserAsync(App, userName);
        var (second, _) = await SignedInBrowserAsync(App, userName);

        var signOut = await first.SubmitFormAsync("/sign-out", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/accounts", Cancel)).StatusCode);
        await AssertSentToSignInAsync(App.CreateClientWithCookie(firstCookie));
        await AssertSentToSignInAsync(first);
    }

    [Fact]
    public async Task Given_two_browsers_When_the_password_is_reset_Then_both_stop_on_their_next_request()
    {
        var (userName, userId) = await NewUserAsync();
        var (first, _) = await SignedInBrowserAsync(App, userName);
        var (second, secondCookie) = await SignedInBrowserAsync(App, userName);

        var reset = await App.SendAsync(new ResetPassword(userId, "a brand new passphrase 77"));

        Assert.True(reset.Succeeded);
        await AssertSentToSignInAsync(first);
        await AssertSentToSignInAsync(second);
        await AssertSentToSignInAsync(App.CreateClientWithCookie(secondCookie));
        Assert.Empty(await App.SendAsync(new ListSessions(userId, null)));
    }

    [Fact]
    public async Task Given_two_browsers_When_the_account_locks_after_wrong_passwords_Then_both_stop_on_their_next_request()
    {
        var (userName, userId) = await NewUserAsync();
        var (first, _) = await SignedInBrowserAsync(App, userName);
        var (second, secondCookie) = await SignedInBrowserAsync(App, userName);

        for (var i = 0; i < 5; i++)
        {
            await App.CreateBrowserLikeClient().SignInAsync(userName, "someone guessing wrong");
        }

        await AssertSentToSignInAsync(first);
        await AssertSentToSignInAsync(second);
        await AssertSentToSignInAsync(App.CreateClientWithCookie(secondCookie));
        Assert.Empty(await App.SendAsync(new ListSessions(userId, null)));
    }

    [Fact]
    public async Task Given_two_browsers_Then_the_session_list_names_them_and_sign_out_everywhere_else_keeps_only_this_one()
    {
        var (userName, userId) = await NewUserAsync();
        var (windows, _) = await SignedInBrowserAsync(App, userName, FirefoxOnWindows);
        var (iphone, _) = await SignedInBrowserAsync(App, userName, SafariOnIPhone);

        var sessions = await App.SendAsync(new ListSessions(userId, null));

        Assert.Equal(["Safari on iPhone", "Firefox on Windows"], sessions.Select(s => s.Device)); // newest first
        Assert.All(sessions, s => Assert.False(s.IsCurrent));
        var keep = sessions.Single(s => s.Device == "Firefox on Windows").SessionId;
        Assert.True((await App.SendAsync(new ListSessions(userId, keep))).Single(s => s.SessionId == keep).IsCurrent);

        var ended = await App.SendAsync(new EndSessions(userId, keep));

        Assert.Equal(1, ended);
        Assert.Equal(HttpStatusCode.OK, (await windows.GetAsync("/accounts", Cancel)).StatusCode);
        await AssertSentToSignInAsync(iphone);
        Assert.Equal(keep, Assert.Single(await App.SendAsync(new ListSessions(userId, keep))).SessionId);
    }

    [Fact]
    public async Task Given_a_signed_in_browser_Then_gets_answer_without_a_new_cookie()
    {
        var (userName, _) = await NewUserAsync();
        var (browser, _) = await SignedInBrowserAsync(App, userName);
        await browser.GetAsync("/activate", Cancel); // the first form page sets the antiforgery cookie once

        foreach (var path in new[] { "/accounts", "/activate", "/accounts", "/" })
        {
            var response = await browser.GetAsync(path, Cancel);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"), $"GET {path} sent: {string.Join(" | ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])}");
        }
    }

    [Fact]
    public async Task Given_another_user_signs_in_on_the_same_browser_Then_the_first_session_ends_and_its_key_is_never_reused()
    {
        var (first, _) = await NewUserAsync();
        var (second, _) = await NewUserAsync();
        var (browser, firstCookie) = await SignedInBrowserAsync(App, first);

        var over = await browser.SignInAsync(second, Password);

        Assert.Equal(HttpStatusCode.Redirect, over.StatusCode);
        Assert.Equal("/sign-in", RedirectPath(over));
        var notice = await browser.GetStringAsync(over.Headers.Location, Cancel);
        Assert.Contains("sign in again", notice, StringComparison.Ordinal);
        await AssertSentToSignInAsync(App.CreateClientWithCookie(firstCookie));

        var signIn = await browser.SignInAsync(second, Password);

        Assert.Equal("/accounts", signIn.Headers.Location?.OriginalString);
        Assert.NotEqual(firstCookie, SessionCookie(signIn));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/accounts", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Given_time_passing_Then_a_session_ends_after_15_idle_minutes_or_12_hours_and_records_activity_at_most_once_a_minute()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new BillCenterApp(fixture.Database, clock: clock);
        var (idleUser, _) = await NewUserAsync(app);
        var (busyUser, _) = await NewUserAsync(app);
        var (idle, _) = await SignedInBrowserAsync(app, idleUser);
        var (busy, _) = await SignedInBrowserAsync(app, busyUser);
        var signedInAt = clock.GetUtcNow();
        await busy.GetAsync("/accounts", Cancel); // warm up: first-request work is not the page's cost

        clock.Advance(TimeSpan.FromSeconds(30));
        var withinTheMinute = await CommandsForAsync(app, busy, "/accounts");
        clock.Advance(TimeSpan.FromSeconds(40));
        var afterTheMinute = await CommandsForAsync(app, busy, "/accounts");

        Assert.Equal(withinTheMinute + 1, afterTheMinute); // the last-seen UPDATE: once a minute, never more

        clock.Advance(TimeSpan.FromMinutes(13)); // 14m10s since sign-in
        await AssertSignedInAsync(idle, busy);
        clock.Advance(TimeSpan.FromMinutes(14)); // idle: 14 minutes since its last request
        await AssertSignedInAsync(idle, busy);
        clock.Advance(TimeSpan.FromMinutes(10));
        await AssertSignedInAsync(busy);
        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1)); // idle: 15m1s without a request
        await AssertSentToSignInAsync(idle);
        await AssertSignedInAsync(busy);

        while (clock.GetUtcNow() + TimeSpan.FromMinutes(10) < signedInAt + TimeSpan.FromHours(12))
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            await AssertSignedInAsync(busy);
        }

        clock.Advance(TimeSpan.FromMinutes(10)); // 12 hours since sign-in, however busy
        await AssertSentToSignInAsync(busy);
    }

    [Fact]
    public async Task Given_sessions_that_ended_more_than_30_days_ago_Then_the_daily_job_deletes_them_and_keeps_live_ones()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new BillCenterApp(fixture.Database, clock: clock);
        var (leaver, leaverId) = await NewUserAsync(app);
        var (stayer, stayerId) = await NewUserAsync(app);
        var (browser, _) = await SignedInBrowserAsync(app, leaver);
        await browser.SubmitFormAsync("/sign-out", new Dictionary<string, string>());
        clock.Advance(TimeSpan.FromDays(31));
        await SignedInBrowserAsync(app, stayer);

        await app.WithScopeAsync(services => services.GetRequiredService<PurgeEndedSessions>().RunAsync(Cancel));

        await app.WithScopeAsync(async services =>
        {
            var sessions = services.GetRequiredService<UsersDbContext>().Sessions;
            Assert.Equal(0, await sessions.CountAsync(s => s.UserId == leaverId, Cancel));
            Assert.Equal(1, await sessions.CountAsync(s => s.UserId == stayerId, Cancel));
        });
    }

    protected Task<(string UserName, string UserId)> NewUserAsync() => NewUserAsync(App);

    private static async Task<(string UserName, string UserId)> NewUserAsync(BillCenterApp app)
    {
        var userName = TestUsers.NewUserId("session");
        var created = await app.SendAsync(new CreateUser(userName, Password));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        return (userName, created.UserId!);
    }

    /// <summary>A cookie-keeping client signed in as <paramref name="userName"/>, and its session cookie ("__Host-bc.session=…").</summary>
    protected static async Task<(HttpClient Browser, string SessionCookie)> SignedInBrowserAsync(BillCenterApp app, string userName, string? userAgent = null)
    {
        var browser = app.CreateBrowserLikeClient();
        if (userAgent is not null)
        {
            browser.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        }

        var response = await browser.SignInAsync(userName, Password);
        Assert.Equal("/accounts", response.Headers.Location?.OriginalString);
        return (browser, SessionCookie(response));
    }

    private static string SessionCookie(HttpResponseMessage response)
    {
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-bc.session=", StringComparison.Ordinal));
        return setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private static async Task<int> CommandsForAsync(BillCenterApp app, HttpClient client, string path)
    {
        var before = app.SqlCommands.Count;
        var response = await client.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return app.SqlCommands.Count - before;
    }

    private static async Task AssertSignedInAsync(params HttpClient[] browsers)
    {
        foreach (var browser in browsers)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/accounts", Cancel)).StatusCode);
        }
    }

    /// <summary>The path a redirect goes to, whether its Location is relative or absolute.</summary>
    private static string RedirectPath(HttpResponseMessage response) =>
        new Uri(new Uri("https://localhost"), response.Headers.Location ?? throw new InvalidOperationException("Not a redirect.")).AbsolutePath;

    protected static async Task AssertSentToSignInAsync(HttpClient client)
    {
        var response = await client.GetAsync("/accounts", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in", RedirectPath(response));
    }
}

public sealed class SessionTestsOnSqlite(SqliteFixture fixture) : SessionTests(fixture), IClassFixture<SqliteFixture>;

/// <summary>Several instances share one database only on PostgreSQL.</summary>
public sealed class SessionTestsOnPostgres(PostgresFixture fixture) : SessionTests(fixture), IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Given_a_second_instance_on_the_same_database_When_the_session_is_revoked_through_the_first_Then_the_second_refuses_it()
    {
        await using var second = new BillCenterApp(TestDatabase.Postgres, settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:BillCenter"] = App.ConnectionString,
            ["Database:SeedDemoData"] = "false",
        });
        var (userName, _) = await NewUserAsync();
        var (browser, cookie) = await SignedInBrowserAsync(App, userName);
        var elsewhere = second.CreateClientWithCookie(cookie);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/accounts", Cancel)).StatusCode);

        await browser.SubmitFormAsync("/sign-out", new Dictionary<string, string>());

        await AssertSentToSignInAsync(elsewhere);
    }
}
