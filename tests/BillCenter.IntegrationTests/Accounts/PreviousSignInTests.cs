using System.Globalization;
using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Audit.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.IntegrationTests;

/// <summary>The accounts page says when, from which browser and from which address the cardholder last signed in before this session.</summary>
public abstract class PreviousSignInTests(AppFixture fixture)
{
    private const string Password = "amber orchard window 58";

    private const string FirefoxOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

    private const string SafariOnIPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_a_first_sign_in_Then_the_accounts_page_names_no_previous_one()
    {
        var (userName, _) = await App.NewCardholderAsync(Password, await App.OpenAsync());

        var html = await AccountsPageAfterSignInAsync(userName, FirefoxOnWindows, "203.0.113.9");

        Assert.Contains("Your accounts", html, StringComparison.Ordinal);
        Assert.DoesNotContain("previous-sign-in", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Last signed in", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_second_sign_in_Then_the_accounts_page_shows_the_first_one_s_time_browser_and_address_not_the_current_one()
    {
        var (userName, userId) = await App.NewCardholderAsync(Password, await App.OpenAsync());
        await AccountsPageAfterSignInAsync(userName, FirefoxOnWindows, "203.0.113.9");
        var first = await SignInTimesAsync(userId);

        var html = await AccountsPageAfterSignInAsync(userName, SafariOnIPhone, "198.51.100.7");

        var when = Assert.Single(first).ToString("MMM d, yyyy 'at' h:mm tt", CultureInfo.InvariantCulture);
        Assert.Contains($"Last signed in on {when} UTC from Firefox on Windows, 203.0.113.9.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("198.51.100.7", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Safari on iPhone", html, StringComparison.Ordinal);
    }

    private async Task<string> AccountsPageAfterSignInAsync(string userName, string userAgent, string clientAddress)
    {
        var client = App.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        // The in-memory server has no peer address, so the app takes the forwarded one as the client's.
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        await client.SignInOrFailAsync(userName, Password);
        return await client.GetStringAsync("/accounts", Cancel);
    }

    private async Task<List<DateTime>> SignInTimesAsync(string userId)
    {
        var times = new List<DateTime>();
        await App.WithScopeAsync(async services => times.AddRange(await services.GetRequiredService<AuditDbContext>().SecurityEvents
            .Where(e => e.UserId == userId && e.Kind == SecurityEventKind.SignInSucceeded)
            .Select(e => e.OccurredAt).ToListAsync(Cancel)));
        return times;
    }
}

public sealed class PreviousSignInTestsOnSqlite(SqliteFixture fixture) : PreviousSignInTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PreviousSignInTestsOnPostgres(PostgresFixture fixture) : PreviousSignInTests(fixture), IClassFixture<PostgresFixture>;
