using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Users.Contracts;
using BillCenter.Modules.Users.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.IntegrationTests;

/// <summary>
/// "Change your user ID" at /preferences/user-id: enrollment's rules and uniqueness, the alert queued before the
/// change, this session kept, and sign-in with the new user ID only.
/// </summary>
public abstract class ChangeUserIdTests(AppFixture fixture)
{
    private const string Password = "amber river lantern 52";
    private const string Path = "/preferences/user-id";

    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_a_free_user_ID_Then_the_alert_is_queued_first_this_session_stays_and_only_the_new_ID_signs_in()
    {
        var account = await App.OpenAsync();
        var (oldId, userId) = await App.NewCardholderAsync(Password, account);
        var here = await SignedInAsync(oldId);
        var newId = TestUsers.NewUserId("renamed");

        var response = await ChangeAsync(here, newId);

        Assert.Equal(Path, response.Headers.Location?.OriginalString);
        var page = await here.GetStringAsync(Path, Cancel);
        Assert.Contains($"Your user ID is now {newId}", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/accounts", Cancel)).StatusCode);
        Assert.Single(await App.SendAsync(new ListSessions(userId, null)));
        DateTime? stampedAt = null;
        var alerts = new List<DateTime>();
        await App.WithScopeAsync(async services =>
        {
            alerts = await services.GetRequiredService<NotificationsDbContext>().Notifications.AsNoTracking()
                .Where(n => n.UserId == userId && n.Template == "user-id-changed").Select(n => n.CreatedAt).ToListAsync(Cancel);
            var user = await services.GetRequiredService<UsersDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == userId, Cancel);
            Assert.Equal(newId, user.UserName);
            stampedAt = DateTime.UtcNow;
        });
        Assert.NotEmpty(alerts);
        Assert.All(alerts, a => Assert.True(a <= stampedAt));
        await App.CreateBrowserLikeClient().SignInOrFailAsync(newId, Password);
        Assert.Equal(HttpStatusCode.OK, (await App.CreateBrowserLikeClient().SignInAsync(oldId, Password)).StatusCode); // refused
    }

    [Fact]
    public async Task Given_a_taken_or_invalid_user_ID_Then_the_field_says_why_and_nothing_is_queued_or_changed()
    {
        var (taken, _) = await App.NewCardholderAsync(Password);
        var (mine, userId) = await App.NewCardholderAsync(Password);
        var here = await SignedInAsync(mine);

        var takenPage = await (await ChangeAsync(here, taken.ToUpperInvariant())).Content.ReadAsStringAsync(Cancel);
        var invalidPage = await (await ChangeAsync(here, "a b")).Content.ReadAsStringAsync(Cancel);
        var emptyPage = await (await ChangeAsync(here, string.Empty)).Content.ReadAsStringAsync(Cancel);

        Assert.Contains("<title>Error: Change your user ID", takenPage, StringComparison.Ordinal);
        Assert.Contains("href=\"#Data_NewUserId\">That user ID is taken", takenPage, StringComparison.Ordinal);
        Assert.Contains("id=\"Data_NewUserId-error\"", invalidPage, StringComparison.Ordinal);
        Assert.Contains("href=\"#Data_NewUserId\">Enter a new user ID</a>", emptyPage, StringComparison.Ordinal);
        await App.WithScopeAsync(async services =>
        {
            Assert.Equal(0, await services.GetRequiredService<NotificationsDbContext>().Notifications.CountAsync(n => n.UserId == userId, Cancel));
            Assert.Equal(mine, (await services.GetRequiredService<UsersDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == userId, Cancel)).UserName);
        });
    }

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var browser = App.CreateBrowserLikeClient();
        await browser.SignInOrFailAsync(userName, Password);
        return browser;
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient browser, string newUserId) =>
        browser.SubmitFormAsync(Path, new Dictionary<string, string> { ["Data.NewUserId"] = newUserId });
}

public sealed class ChangeUserIdTestsOnSqlite(SqliteFixture fixture) : ChangeUserIdTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ChangeUserIdTestsOnPostgres(PostgresFixture fixture) : ChangeUserIdTests(fixture), IClassFixture<PostgresFixture>;
