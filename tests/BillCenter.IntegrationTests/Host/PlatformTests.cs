using System.Text.RegularExpressions;
using BillCenter.Host.DemoData;
using BillCenter.SharedKernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.IntegrationTests;

public abstract class PlatformTests(AppFixture fixture)
{
    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/sign-in")]
    [InlineData("/does-not-exist")]
    [InlineData("/health/ready")]
    public async Task Given_any_response_Then_it_carries_the_security_headers(string path)
    {
        var response = await App.CreateBrowserLikeClient().GetAsync(path, Cancel);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_the_app_is_up_Then_liveness_and_readiness_answer_healthy()
    {
        var client = App.CreateBrowserLikeClient();

        var live = await client.GetAsync("/health/live", Cancel);
        var ready = await client.GetAsync("/health/ready", Cancel);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Given_an_unknown_address_Then_a_friendly_404_page_is_shown()
    {
        var response = await App.CreateBrowserLikeClient().GetAsync("/no/such/page", Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Contains("<main", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_post_without_its_antiforgery_token_Then_it_is_refused_with_400()
    {
        var client = App.CreateBrowserLikeClient();

        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Data.UserName"] = DemoData.CardholderUserId,
            ["Data.Password"] = DemoData.CardholderPassword,
        }), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.Contains("bc.session", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/admin/jobs", "%2Fadmin%2Fjobs")]
    [InlineData("/admin/notifications", "%2Fadmin%2Fnotifications")]
    [InlineData("/admin/paper-mail", "%2Fadmin%2Fpaper-mail")]
    [InlineData("/admin/postings", "%2Fadmin%2Fpostings")]
    [InlineData("/admin/security-events", "%2Fadmin%2Fsecurity-events")]
    [InlineData("/accounts", "%2Faccounts")]
    public async Task Given_an_anonymous_visitor_When_opening_a_signed_in_page_Then_they_are_sent_to_sign_in(string path, string returnUrl)
    {
        var response = await App.CreateBrowserLikeClient().GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"https://localhost/sign-in?returnUrl={returnUrl}", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/jobs")]
    [InlineData("/admin/notifications")]
    [InlineData("/admin/paper-mail")]
    [InlineData("/admin/postings")]
    [InlineData("/admin/security-events")]
    public async Task Given_a_signed_in_cardholder_When_opening_an_admin_page_Then_access_is_forbidden(string path)
    {
        var client = App.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoData.CardholderUserId, DemoData.CardholderPassword);

        var response = await client.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("You do not have access to this page", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_signed_in_admin_When_opening_the_jobs_dashboard_Then_it_is_shown()
    {
        var client = App.CreateBrowserLikeClient();
        await client.SignInAsAdminOrFailAsync(App);

        var response = await client.GetAsync("/admin/jobs", Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("BillCenter jobs", html, StringComparison.Ordinal);

        var recurring = await client.GetStringAsync("/admin/jobs/recurring", Cancel);
        Assert.Matches(new Regex("accounts:purge-verification-attempts"), recurring);
        Assert.Matches(new Regex("accounts:outbox"), recurring);
        Assert.Matches(new Regex("notifications:dispatch"), recurring);
        Assert.Matches(new Regex("notifications:purge-codes"), recurring);
        Assert.Matches(new Regex("users:purge-sessions"), recurring);
        Assert.Matches(new Regex("audit:purge-events"), recurring);

        var notifications = await client.GetAsync("/admin/notifications", Cancel);
        Assert.Equal(HttpStatusCode.OK, notifications.StatusCode);
        Assert.Contains("Notifications in the last 24 hours, by channel and status", await notifications.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_every_module_database_Then_its_model_has_no_changes_missing_from_the_migrations()
    {
        await App.WithScopeAsync(services =>
        {
            var databases = services.GetServices<IModuleDatabase>().ToList();
            Assert.True(databases.Count >= 2, "every module with tables registers its database");
            foreach (var database in databases)
            {
                var context = (DbContext)services.GetRequiredService(database.ContextType);
                Assert.False(context.Database.HasPendingModelChanges(), $"{database.Module} on {fixture.Database} has model changes without a migration");
                Assert.Empty(context.Database.GetPendingMigrations());
            }

            return Task.CompletedTask;
        });
    }
}

public sealed class PlatformTestsOnSqlite(SqliteFixture fixture) : PlatformTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PlatformTestsOnPostgres(PostgresFixture fixture) : PlatformTests(fixture), IClassFixture<PostgresFixture>;
