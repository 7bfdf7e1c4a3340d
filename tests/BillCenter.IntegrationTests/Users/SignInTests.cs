using BillCenter.Host.DemoData;
using BillCenter.Modules.Users.Contracts;
using BillCenter.Modules.Users.Data;
using BillCenter.Modules.Users.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BillCenter.IntegrationTests;

public abstract class SignInTests(AppFixture fixture)
{
    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_the_demo_cardholder_When_signing_in_Then_a_secure_http_only_session_cookie_is_issued()
    {
        var client = App.CreateBrowserLikeClient();

        var response = await client.SignInAsync(DemoData.CardholderUserId, DemoData.CardholderPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var session = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-bc.session=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires", session, StringComparison.OrdinalIgnoreCase); // a session cookie, never persisted
    }

    [Fact]
    public async Task Given_an_empty_form_Then_each_field_says_what_to_enter_and_the_title_starts_with_Error()
    {
        var response = await App.CreateBrowserLikeClient().SubmitFormAsync("/sign-in", new Dictionary<string, string>());
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Error: Sign in", html, StringComparison.Ordinal);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Data_UserName\">Enter your user ID</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Data_Password\">Enter your password</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Data_UserName-error\"", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("#Data_UserName", StringComparison.Ordinal) < html.IndexOf("#Data_Password", StringComparison.Ordinal), "the summary follows the form's order");
    }

    [Fact]
    public async Task Given_an_unknown_user_ID_a_wrong_password_or_a_locked_account_Then_the_answer_and_the_database_work_are_the_same()
    {
        var (wrongUser, _) = await NewUserAsync("wrong");
        var (lockedUser, _) = await NewUserAsync("locked");
        for (var i = 0; i < 5; i++)
        {
            await SignInPage(lockedUser, "definitely wrong password");
        }

        var unknown = await RefusedAsync(TestUsers.NewUserId("nobody"), "not the password at all");
        var wrong = await RefusedAsync(wrongUser, "not the password at all");
        var locked = await RefusedAsync(lockedUser, Password); // the right password, on a locked account

        Assert.Contains(Modules.Users.Pages.SignIn.IndexModel.RefusedMessage, wrong.Html, StringComparison.Ordinal);
        Assert.Equal(wrong.Html, unknown.Html);
        Assert.Equal(wrong.Html, locked.Html);
        // Find the user, count the failure, end the sessions; then the security event log records the refusal.
        Assert.Equal(["SELECT", "UPDATE", "UPDATE", "INSERT"], wrong.Commands);
        Assert.Equal(wrong.Commands, unknown.Commands);
        Assert.Equal(wrong.Commands, locked.Commands);
    }

    [Fact]
    public async Task Given_five_wrong_passwords_Then_the_right_password_is_refused_with_the_same_neutral_message()
    {
        var (userId, _) = await NewUserAsync("lockme");
        for (var i = 0; i < 5; i++)
        {
            await SignInPage(userId, "definitely wrong password");
        }

        var html = await SignInPage(userId, Password);

        Assert.Contains(Modules.Users.Pages.SignIn.IndexModel.RefusedMessage, html, StringComparison.Ordinal);
        Assert.DoesNotContain("locked for 15 minutes. You can", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_lockouts_Then_failures_since_the_last_success_keep_counting_and_a_success_clears_them()
    {
        var (userName, id) = await NewUserAsync("count");
        await SignInPage(userName, "wrong password one");
        await SignInPage(userName, "wrong password two");
        Assert.Equal((2, 2), await CountersAsync(id));

        await App.CreateBrowserLikeClient().SignInOrFailAsync(userName, Password);
        Assert.Equal((0, 0), await CountersAsync(id));

        for (var i = 0; i < 6; i++)
        {
            await SignInPage(userName, "definitely wrong password");
        }

        // Identity's counter starts again at each lockout; ours does not (the sixth try, while locked, is not counted).
        Assert.Equal((0, 5), await CountersAsync(id));
    }

    [Fact]
    public async Task Given_the_hundredth_failure_without_a_success_Then_only_a_password_reset_reopens_the_account()
    {
        var (userName, id) = await NewUserAsync("hundred");
        await SetFailuresSinceSuccessAsync(id, 99);
        await SignInPage(userName, "definitely wrong password");
        Assert.Equal(100, (await CountersAsync(id)).SinceSuccess);

        // Not a timed lockout: even with Identity's lockout cleared, the right password is refused.
        await App.WithScopeAsync(services => services.GetRequiredService<UsersDbContext>().Users.Where(u => u.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, (DateTimeOffset?)null).SetProperty(x => x.AccessFailedCount, 0), Cancel));
        Assert.Contains(Modules.Users.Pages.SignIn.IndexModel.RefusedMessage, await SignInPage(userName, Password), StringComparison.Ordinal);

        Assert.True((await App.SendAsync(new ResetPassword(id, "a fresh passphrase for 2027"))).Succeeded);
        Assert.Equal((0, 0), await CountersAsync(id));
        await App.CreateBrowserLikeClient().SignInOrFailAsync(userName, "a fresh passphrase for 2027");
    }

    [Fact]
    public async Task Given_an_admin_past_the_password_only_Then_admin_pages_and_the_jobs_dashboard_refuse_and_after_the_code_they_open()
    {
        var client = App.CreateBrowserLikeClient();
        var password = await client.SignInAsync(DemoData.AdminUserId, DemoData.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/sign-in/code", password.Headers.Location?.OriginalString, StringComparison.Ordinal);

        foreach (var path in (string[])["/admin/notifications", "/admin/postings", "/admin/jobs", "/accounts"])
        {
            var refused = await client.GetAsync(path, Cancel);
            Assert.True(refused.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{path} answered {refused.StatusCode}");
        }

        var code = await App.LatestSignInCodeAsync();
        var entered = await client.SubmitFormAsync(password.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Data.Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, entered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/notifications", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/jobs", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Given_an_admin_code_Then_it_works_once_and_wrong_codes_count_toward_the_lockout()
    {
        var (userName, id) = await NewAdminAsync();
        var late = App.CreateBrowserLikeClient();
        await AssertCodePageAsync(await late.SignInAsync(userName, Password));
        var first = App.CreateBrowserLikeClient();
        await AssertCodePageAsync(await first.SignInAsync(userName, Password));
        var code = await App.LatestSignInCodeAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await EnterCodeAsync(first, code)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/admin/jobs", Cancel)).StatusCode);

        // The same user's other sign-in, with the code just used: refused, and counted as a failure.
        var reused = await EnterCodeAsync(late, code);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains(Modules.Users.Pages.SignIn.CodeModel.WrongMessage, await reused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal((1, 1), await CountersAsync(id));

        for (var i = 0; i < 4; i++)
        {
            await EnterCodeAsync(late, "000000");
        }

        // Five wrong codes in a row lock the account like five wrong passwords, and end its sessions.
        Assert.Contains(Modules.Users.Pages.SignIn.IndexModel.RefusedMessage, await SignInPage(userName, Password), StringComparison.Ordinal);
        Assert.Equal((0, 5), await CountersAsync(id));
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/admin/jobs", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Given_an_admin_code_older_than_ten_minutes_Then_it_is_refused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new BillCenterApp(fixture.Database, clock: clock);
        var userName = TestUsers.NewUserId("admin");
        Assert.True((await app.SendAsync(new CreateUser(userName, Password, $"{userName}@example.com", IsAdmin: true))).Succeeded);
        var client = app.CreateBrowserLikeClient();
        await AssertCodePageAsync(await client.SignInAsync(userName, Password));
        var code = await app.LatestSignInCodeAsync();

        clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        // The half-done sign-in has lapsed with the code, and the code itself no longer works.
        var codePage = await client.GetAsync("/sign-in/code", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, codePage.StatusCode);
        Assert.Equal("/sign-in", codePage.Headers.Location?.OriginalString);
        await app.WithScopeAsync(async services =>
        {
            var user = await services.GetRequiredService<UserManager<BillCenterUser>>().FindByNameAsync(userName);
            Assert.False(await services.GetRequiredService<SignInAttempts>().UseCodeAsync(user!, code, Cancel));
        });
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/jobs", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Given_a_signed_in_user_When_signing_out_with_a_post_Then_the_session_ends()
    {
        var client = App.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoData.CardholderUserId, DemoData.CardholderPassword);

        var signOut = await client.SubmitFormAsync("/sign-out", new Dictionary<string, string>());
        var after = await client.GetAsync("/accounts", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/sign-in", after.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    private const string Password = "violet kettle summit 31";

    private async Task<(string UserName, string Id)> NewUserAsync(string prefix)
    {
        var userName = TestUsers.NewUserId(prefix);
        var result = await App.SendAsync(new CreateUser(userName, Password));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return (userName, result.UserId!);
    }

    private async Task<(string UserName, string Id)> NewAdminAsync()
    {
        var userName = TestUsers.NewUserId("admin");
        var result = await App.SendAsync(new CreateUser(userName, Password, $"{userName}@example.com", IsAdmin: true));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return (userName, result.UserId!);
    }

    private static Task AssertCodePageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in/code", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        return Task.CompletedTask;
    }

    private static Task<HttpResponseMessage> EnterCodeAsync(HttpClient client, string code) =>
        client.SubmitFormAsync("/sign-in/code", new Dictionary<string, string> { ["Data.Code"] = code });

    private async Task<(int Lockout, int SinceSuccess)> CountersAsync(string id)
    {
        (int, int) counters = default;
        await App.WithScopeAsync(async services =>
        {
            var user = await services.GetRequiredService<UsersDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == id, Cancel);
            counters = (user.AccessFailedCount, user.FailedSignInsSinceSuccess);
        });
        return counters;
    }

    private Task SetFailuresSinceSuccessAsync(string id, int failures) =>
        App.WithScopeAsync(services => services.GetRequiredService<UsersDbContext>().Users.Where(u => u.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.FailedSignInsSinceSuccess, failures), Cancel));

    /// <summary>
    /// A refused sign-in: its status must be 200; answers its HTML without what differs by nature (the antiforgery
    /// token and the user ID echoed in its field) and the kinds of the SQL commands the POST ran.
    /// </summary>
    private async Task<(string Html, IReadOnlyList<string> Commands)> RefusedAsync(string userName, string password)
    {
        var client = App.CreateBrowserLikeClient();
        var form = await client.GetStringAsync("/sign-in", Cancel);
        HttpResponseMessage response;
        using (App.SqlCommands.Record())
        {
            response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = BillCenterApp.AntiforgeryToken(form),
                ["Data.UserName"] = userName,
                ["Data.Password"] = password,
            }), Cancel);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        html = System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"", "TOKEN");
        html = html.Replace($"value=\"{userName}\"", "value=\"USER\"", StringComparison.Ordinal);
        return (html, App.SqlCommands.Kinds);
    }

    private async Task<string> SignInPage(string userId, string password)
    {
        var response = await App.CreateBrowserLikeClient().SignInAsync(userId, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }
}

public sealed class SignInTestsOnSqlite(SqliteFixture fixture) : SignInTests(fixture), IClassFixture<SqliteFixture>;

public sealed class SignInTestsOnPostgres(PostgresFixture fixture) : SignInTests(fixture), IClassFixture<PostgresFixture>;
