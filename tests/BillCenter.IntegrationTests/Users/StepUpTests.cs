using BillCenter.Modules.Users.Contracts;
using BillCenter.Modules.Users.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BillCenter.IntegrationTests;

/// <summary>One app per test class and provider on a clock the tests move (sessions go stale for step-up).</summary>
public abstract class ClockedAppFixture(TestDatabase database) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private BillCenterApp? _app;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public BillCenterApp App
    {
        get
        {
            if (database == TestDatabase.Postgres)
            {
                TestServices.RequirePostgres();
            }

            lock (_gate)
            {
                return _app ??= new BillCenterApp(database, clock: Clock);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class ClockedSqliteFixture() : ClockedAppFixture(TestDatabase.Sqlite);

public sealed class ClockedPostgresFixture() : ClockedAppFixture(TestDatabase.Postgres);

/// <summary>
/// Step-up: a security change asks for the password again when this session last entered it more than 5 minutes
/// ago; the confirm-password page counts wrong passwords toward the sign-in lockout and only goes back to local pages.
/// "Your sessions" signs out every other browser and keeps this one.
/// </summary>
public abstract class StepUpTests(ClockedAppFixture fixture)
{
    private const string Password = "harbor willow lantern 31";
    private const string ConfirmPath = "/preferences/confirm-password";

    private BillCenterApp App => fixture.App;

    private FakeTimeProvider Clock => fixture.Clock;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_a_password_entered_4_minutes_ago_Then_sign_out_of_others_works_and_after_5_minutes_it_asks_for_the_password_first()
    {
        var (userName, userId) = await NewUserAsync();
        var here = await SignedInAsync(userName);
        var elsewhere = await SignedInAsync(userName);
        var third = await SignedInAsync(userName);

        Clock.Advance(TimeSpan.FromMinutes(4));
        var fresh = await here.SubmitFormAsync("/preferences/sessions", new Dictionary<string, string>());

        Assert.Equal("/preferences/sessions", fresh.Headers.Location?.OriginalString);
        Assert.Contains("signed you out of 2 other sessions", await here.GetStringAsync("/preferences/sessions", Cancel), StringComparison.Ordinal);
        await AssertSentToSignInAsync(elsewhere);
        await AssertSentToSignInAsync(third);
        var live = Assert.Single(await App.SendAsync(new ListSessions(userId, null)));
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/accounts", Cancel)).StatusCode);

        var another = await SignedInAsync(userName);
        Clock.Advance(TimeSpan.FromMinutes(2)); // 6 minutes since "here" entered its password, 2 since "another"
        var stale = await here.SubmitFormAsync("/preferences/sessions", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal(ConfirmPath + "?returnUrl=%2Fpreferences%2Fsessions", stale.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await another.GetAsync("/accounts", Cancel)).StatusCode); // nothing ended
        Assert.Equal(2, (await App.SendAsync(new ListSessions(userId, null))).Count);
        Assert.Contains(live.SessionId, (await App.SendAsync(new ListSessions(userId, null))).Select(s => s.SessionId));
    }

    [Fact]
    public async Task Given_a_stale_session_When_the_right_password_is_entered_again_Then_it_goes_back_and_only_this_session_is_fresh()
    {
        var (userName, userId) = await NewUserAsync();
        var here = await SignedInAsync(userName);
        var elsewhere = await SignedInAsync(userName);
        Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var prompt = await here.GetStringAsync(ConfirmPath + "?returnUrl=%2Fpreferences%2Fsessions", Cancel);
        Assert.Contains("<title>Enter your password again", prompt, StringComparison.Ordinal);
        Assert.Contains(userName, prompt, StringComparison.Ordinal);

        var confirmed = await ConfirmAsync(here, Password, "/preferences/sessions");

        Assert.Equal("/preferences/sessions", confirmed.Headers.Location?.OriginalString);
        var ended = await here.SubmitFormAsync("/preferences/sessions", new Dictionary<string, string>());
        Assert.Equal("/preferences/sessions", ended.Headers.Location?.OriginalString);
        await AssertSentToSignInAsync(elsewhere);
        await App.WithScopeAsync(async services =>
        {
            var sessions = await services.GetRequiredService<UsersDbContext>().Sessions.Where(s => s.UserId == userId).ToListAsync(Cancel);
            Assert.Equal(2, sessions.Count);
            Assert.Single(sessions, s => s.PasswordEnteredAt >= s.CreatedAt + TimeSpan.FromMinutes(5) && s.EndedAt is null);
            Assert.Single(sessions, s => s.PasswordEnteredAt == s.CreatedAt && s.EndedAt is not null);
        });
    }

    [Fact]
    public async Task Given_the_confirm_page_When_the_password_is_wrong_Then_it_says_so_at_the_field_counts_the_failure_and_locks_at_the_fifth()
    {
        var (userName, userId) = await NewUserAsync();
        var here = await SignedInAsync(userName);
        Clock.Advance(TimeSpan.FromMinutes(6));

        var wrong = await ConfirmAsync(here, "not my password at all", "/preferences/sessions");
        var html = await wrong.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("<title>Error: Enter your password again", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Data_Password-error\"", html, StringComparison.Ordinal);
        Assert.Contains("The password is not right", html, StringComparison.Ordinal);
        Assert.Equal((1, 1), await FailuresAsync(userId));

        var empty = await ConfirmAsync(here, string.Empty, "/preferences/sessions");
        Assert.Contains("Enter your password", await empty.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal((1, 1), await FailuresAsync(userId)); // an empty form is not a guess

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(here, "still not it", "/preferences/sessions")).StatusCode);
        }

        var locking = await ConfirmAsync(here, "the fifth wrong one", "/preferences/sessions");

        Assert.Equal("/sign-in", locking.Headers.Location?.OriginalString);
        Assert.Contains("locked", await here.GetStringAsync("/sign-in", Cancel), StringComparison.Ordinal);
        await AssertSentToSignInAsync(here);
        Assert.Empty(await App.SendAsync(new ListSessions(userId, null)));
        Assert.Equal(HttpStatusCode.OK, (await App.CreateBrowserLikeClient().SignInAsync(userName, Password)).StatusCode); // refused: locked
    }

    [Fact]
    public async Task Given_a_password_entered_over_5_minutes_ago_When_saving_security_questions_Then_the_password_is_asked_first_and_nothing_is_saved_before_it()
    {
        var (userName, userId) = await NewUserAsync();
        var here = await SignedInAsync(userName);
        var form = await here.GetStringAsync("/preferences/security-questions", Cancel); // fresh: the form shows
        var answers = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = BillCenterApp.AntiforgeryToken(form),
            ["Data.Question1"] = "first-pet",
            ["Data.Answer1"] = "Biscuit",
            ["Data.Question2"] = "first-car",
            ["Data.Answer2"] = "Ford Escort",
            ["Data.Question3"] = "first-job",
            ["Data.Answer3"] = "Corner diner",
        };

        Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var post = await here.PostAsync("/preferences/security-questions", new FormUrlEncodedContent(answers), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal($"{ConfirmPath}?returnUrl=%2Fpreferences%2Fsecurity-questions", post.Headers.Location?.OriginalString);
        Assert.Equal(0, await SecurityAnswersAsync(userId));
        var get = await here.GetAsync("/preferences/security-questions", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);

        var confirmed = await ConfirmAsync(here, Password, "/preferences/security-questions");
        Assert.Equal("/preferences/security-questions", confirmed.Headers.Location?.OriginalString);
        var saved = await here.SubmitFormAsync("/preferences/security-questions", answers.Where(a => a.Key != "__RequestVerificationToken").ToDictionary());
        Assert.Equal("/preferences", saved.Headers.Location?.OriginalString);
        Assert.Equal(3, await SecurityAnswersAsync(userId));
    }

    [Fact]
    public async Task Given_a_right_password_When_the_return_address_is_another_site_Then_it_goes_to_the_accounts_page()
    {
        var (userName, _) = await NewUserAsync();
        var here = await SignedInAsync(userName);

        foreach (var returnUrl in new[] { "https://evil.example/", "//evil.example/preferences/sessions", "/\\evil.example" })
        {
            var confirmed = await ConfirmAsync(here, Password, returnUrl);

            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
            Assert.Equal("/accounts", confirmed.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task Given_the_session_contract_Then_it_tells_whether_this_session_entered_the_password_within_5_minutes()
    {
        var (userName, userId) = await NewUserAsync();
        await SignedInAsync(userName);
        var sessionId = Assert.Single(await App.SendAsync(new ListSessions(userId, null))).SessionId;

        Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await App.SendAsync(new HasRecentPassword(sessionId)));
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(await App.SendAsync(new HasRecentPassword(sessionId)));
        Assert.False(await App.SendAsync(new HasRecentPassword(null)));
        Assert.False(await App.SendAsync(new HasRecentPassword("not-a-session")));
    }

    [Fact]
    public async Task Given_no_sign_in_Then_the_confirm_and_sessions_pages_send_to_sign_in()
    {
        var anonymous = App.CreateBrowserLikeClient();

        foreach (var path in new[] { ConfirmPath, "/preferences/sessions" })
        {
            var response = await anonymous.GetAsync(path, Cancel);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/sign-in", new Uri(new Uri("https://localhost"), response.Headers.Location!).AbsolutePath, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Given_two_browsers_Then_the_sessions_page_lists_both_and_marks_this_one()
    {
        var (userName, _) = await NewUserAsync();
        var here = await SignedInAsync(userName, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36");
        await SignedInAsync(userName, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1");

        var html = await here.GetStringAsync("/preferences/sessions", Cancel);

        Assert.Contains("<title>Your sessions", html, StringComparison.Ordinal);
        var rows = html.Split("data-testid=\"session\"")[1..];
        Assert.Equal(2, rows.Length);
        var marked = Assert.Single(rows, r => r.Contains("(this browser)", StringComparison.Ordinal));
        Assert.Contains("Chrome on Windows", marked, StringComparison.Ordinal);
        Assert.Contains(rows, r => r.Contains("Safari on iPhone", StringComparison.Ordinal));
        Assert.Contains("Sign out of all other sessions", html, StringComparison.Ordinal);
    }

    private async Task<(string UserName, string UserId)> NewUserAsync()
    {
        var userName = TestUsers.NewUserId("stepup");
        var created = await App.SendAsync(new CreateUser(userName, Password));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        return (userName, created.UserId!);
    }

    private async Task<HttpClient> SignedInAsync(string userName, string? userAgent = null)
    {
        var browser = App.CreateBrowserLikeClient();
        if (userAgent is not null)
        {
            browser.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        }

        await browser.SignInOrFailAsync(userName, Password);
        return browser;
    }

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient browser, string password, string returnUrl) =>
        browser.SubmitFormAsync(ConfirmPath, new Dictionary<string, string> { ["Data.Password"] = password, ["returnUrl"] = returnUrl });

    private async Task<int> SecurityAnswersAsync(string userId)
    {
        var count = 0;
        await App.WithScopeAsync(async services =>
            count = await services.GetRequiredService<BillCenter.Modules.Preferences.Data.PreferencesDbContext>().SecurityAnswers.CountAsync(a => a.UserId == userId, Cancel));
        return count;
    }

    private async Task<(int Lockout, int SinceSuccess)> FailuresAsync(string userId)
    {
        var counts = (0, 0);
        await App.WithScopeAsync(async services =>
        {
            var user = await services.GetRequiredService<UsersDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == userId, Cancel);
            counts = (user.AccessFailedCount, user.FailedSignInsSinceSuccess);
        });
        return counts;
    }

    private static async Task AssertSentToSignInAsync(HttpClient client)
    {
        var response = await client.GetAsync("/accounts", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in", new Uri(new Uri("https://localhost"), response.Headers.Location!).AbsolutePath);
    }
}

public sealed class StepUpTestsOnSqlite(ClockedSqliteFixture fixture) : StepUpTests(fixture), IClassFixture<ClockedSqliteFixture>;

public sealed class StepUpTestsOnPostgres(ClockedPostgresFixture fixture) : StepUpTests(fixture), IClassFixture<ClockedPostgresFixture>;
