using BillCenter.Host.DemoData;

namespace BillCenter.IntegrationTests;

/// <summary>
/// An admin signs in to the admin overview, which links every admin page, and finds it from every page through the
/// header; a cardholder sees neither.
/// </summary>
public abstract class AdminOverviewTests(AppFixture fixture)
{
    private const string HeaderLink = "<li><a class=\"header__link\" href=\"/admin\">Admin</a></li>";

    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_an_admin_signing_in_from_the_header_Then_they_land_on_the_overview_linking_every_admin_page()
    {
        var client = App.CreateBrowserLikeClient();
        var password = await client.SignInAsync(DemoData.AdminUserId, DemoData.AdminPassword);
        Assert.Equal("/sign-in/code", password.Headers.Location?.OriginalString);

        var entered = await client.SubmitFormAsync("/sign-in/code", new Dictionary<string, string> { ["Data.Code"] = await App.LatestSignInCodeAsync() });

        Assert.Equal(HttpStatusCode.Redirect, entered.StatusCode);
        Assert.Equal("/admin", entered.Headers.Location?.OriginalString);
        var overview = await client.GetAsync("/admin", Cancel);
        var html = await overview.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains("<h1 class=\"heading-xl\">Admin</h1>", html, StringComparison.Ordinal);
        foreach (var path in (string[])["/admin/jobs", "/admin/notifications", "/admin/paper-mail", "/admin/postings", "/admin/security-events"])
        {
            Assert.Contains($"<a class=\"link\" href=\"{path}\">", html, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path, Cancel)).StatusCode);
        }

        Assert.Contains(HeaderLink, await client.GetStringAsync("/admin/notifications", Cancel), StringComparison.Ordinal);
        Assert.Contains(HeaderLink, await client.GetStringAsync("/accounts", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_admin_past_the_password_only_Then_the_overview_refuses()
    {
        var client = App.CreateBrowserLikeClient();
        var password = await client.SignInAsync(DemoData.AdminUserId, DemoData.AdminPassword);
        Assert.StartsWith("/sign-in/code", password.Headers.Location?.OriginalString, StringComparison.Ordinal);

        var refused = await client.GetAsync("/admin", Cancel);

        Assert.True(refused.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"/admin answered {refused.StatusCode}");
    }

    [Fact]
    public async Task Given_a_cardholder_Then_the_header_has_no_admin_link_and_the_overview_is_forbidden()
    {
        var client = App.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoData.CardholderUserId, DemoData.CardholderPassword);

        var accounts = await client.GetStringAsync("/accounts", Cancel);
        var overview = await client.GetAsync("/admin", Cancel);

        Assert.Contains("Your accounts", accounts, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin", accounts, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, overview.StatusCode);
        Assert.DoesNotContain("href=\"/admin/jobs\"", await overview.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}

public sealed class AdminOverviewTestsOnSqlite(SqliteFixture fixture) : AdminOverviewTests(fixture), IClassFixture<SqliteFixture>;

public sealed class AdminOverviewTestsOnPostgres(PostgresFixture fixture) : AdminOverviewTests(fixture), IClassFixture<PostgresFixture>;
