using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Users.Contracts;
using BillCenter.Modules.Users.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.IntegrationTests;

/// <summary>
/// "Change your password" at /preferences/password: the current password first (a wrong one counts toward the
/// lockout), the usual rules for the new one, the security alert queued before the change, every other browser signed
/// out and this one kept.
/// </summary>
public abstract class ChangePasswordTests(AppFixture fixture)
{
    private const string Password = "meadow copper harbor 64";
    private const string NewPassword = "violet canyon ferry 19";
    private const string Path = "/preferences/password";

    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_the_right_current_password_Then_the_alert_is_queued_before_the_change_other_browsers_end_and_this_one_stays()
    {
        var (userName, userId) = await NewCardholderAsync();
        var here = await SignedInAsync(userName);
        var elsewhere = await SignedInAsync(userName);

        var response = await ChangeAsync(here, Password, NewPassword);

        Assert.Equal(Path, response.Headers.Location?.OriginalString);
        Assert.Contains("Your password was changed", await here.GetStringAsync(Path, Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/accounts", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/accounts", Cancel)).StatusCode);
        Assert.Single(await App.SendAsync(new ListSessions(userId, null)));
        var changedAt = await PasswordChangedAtAsync(userId);
        var alerts = await AlertsAsync(userId);
        Assert.NotEmpty(alerts);
        Assert.All(alerts, queuedAt => Assert.True(queuedAt <= changedAt, $"alert queued at {queuedAt:O}, password changed at {changedAt:O}"));
        await App.CreateBrowserLikeClient().SignInOrFailAsync(userName, NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await App.CreateBrowserLikeClient().SignInAsync(userName, Password)).StatusCode); // refused
    }

    [Fact]
    public async Task Given_a_wrong_current_password_Then_it_says_so_at_the_field_counts_the_failure_and_changes_nothing()
    {
        var (userName, userId) = await NewCardholderAsync();
        var here = await SignedInAsync(userName);

        var response = await ChangeAsync(here, "not my password at all", NewPassword);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Error: Change your password", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Data_CurrentPassword\">Your current password is not right", html, StringComparison.Ordinal);
        await App.WithScopeAsync(async services =>
        {
            var user = await services.GetRequiredService<UsersDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == userId, Cancel);
            Assert.Equal(1, user.AccessFailedCount);
            Assert.Equal(1, user.FailedSignInsSinceSuccess);
            Assert.Equal(user.CreatedAt, user.PasswordChangedAt);
        });
        Assert.Empty(await AlertsAsync(userId));
        await App.CreateBrowserLikeClient().SignInOrFailAsync(userName, Password);
    }

    [Fact]
    public async Task Given_a_weak_new_password_Then_the_rule_it_breaks_shows_at_the_field_and_nothing_changes()
    {
        var (userName, userId) = await NewCardholderAsync();
        var here = await SignedInAsync(userName);
        var elsewhere = await SignedInAsync(userName);

        var html = await (await ChangeAsync(here, Password, "password1")).Content.ReadAsStringAsync(Cancel);
        var empty = await (await ChangeAsync(here, string.Empty, string.Empty)).Content.ReadAsStringAsync(Cancel);

        Assert.Contains("id=\"Data_NewPassword-error\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Data_CurrentPassword\">Enter your current password</a>", empty, StringComparison.Ordinal);
        Assert.Contains("href=\"#Data_NewPassword\">Enter a new password</a>", empty, StringComparison.Ordinal);
        Assert.Empty(await AlertsAsync(userId));
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/accounts", Cancel)).StatusCode);
        await App.CreateBrowserLikeClient().SignInOrFailAsync(userName, Password);
    }

    private async Task<(string UserName, string UserId)> NewCardholderAsync()
    {
        var account = await App.OpenAsync();
        return await App.NewCardholderAsync(Password, account);
    }

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var browser = App.CreateBrowserLikeClient();
        await browser.SignInOrFailAsync(userName, Password);
        return browser;
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient browser, string current, string next) =>
        browser.SubmitFormAsync(Path, new Dictionary<string, string> { ["Data.CurrentPassword"] = current, ["Data.NewPassword"] = next });

    private async Task<DateTime> PasswordChangedAtAsync(string userId)
    {
        DateTime? changedAt = null;
        await App.WithScopeAsync(async services =>
            changedAt = (await services.GetRequiredService<UsersDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == userId, Cancel)).PasswordChangedAt);
        return changedAt ?? throw new InvalidOperationException("The password was not changed.");
    }

    private async Task<List<DateTime>> AlertsAsync(string userId)
    {
        var times = new List<DateTime>();
        await App.WithScopeAsync(async services =>
            times = await services.GetRequiredService<NotificationsDbContext>().Notifications.AsNoTracking()
                .Where(n => n.UserId == userId && n.Template == "password-changed").Select(n => n.CreatedAt).ToListAsync(Cancel));
        return times;
    }
}

public sealed class ChangePasswordTestsOnSqlite(SqliteFixture fixture) : ChangePasswordTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ChangePasswordTestsOnPostgres(PostgresFixture fixture) : ChangePasswordTests(fixture), IClassFixture<PostgresFixture>;
