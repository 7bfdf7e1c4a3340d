using System.Text.RegularExpressions;
using BillCenter.Host.DemoData;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.IntegrationTests;

/// <summary>The admin delivery log pages through the latest failures, newest first, in the database.</summary>
public abstract partial class DeliveryLogTests(AppFixture fixture)
{
    private const int Failures = 30;

    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [GeneratedRegex("""<td>(failure \d\d) [0-9a-f]{32}</td>""")]
    private static partial Regex FailureCell();

    [Fact]
    public async Task Given_more_failures_than_a_page_Then_the_admin_pages_through_them_newest_first()
    {
        var marker = Guid.NewGuid().ToString("N");
        await SeedAsync(marker);
        var admin = App.CreateBrowserLikeClient();
        await admin.SignInAsAdminOrFailAsync(App);

        var first = await admin.GetStringAsync("/admin/notifications", Cancel);
        var second = await admin.GetStringAsync("/admin/notifications?failurePage=2", Cancel);

        Assert.Equal(Expected(1, 25), Shown(first));
        Assert.Contains("most recent first: 1 to 25 of 30", first, StringComparison.Ordinal);
        Assert.Contains("""<a class="link" rel="next" href="/admin/notifications?failurePage=2">Older failures</a>""", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Newer failures", first, StringComparison.Ordinal);
        Assert.DoesNotContain("not a failure", first, StringComparison.Ordinal);

        Assert.Equal(Expected(26, 30), Shown(second));
        Assert.Contains("most recent first: 26 to 30 of 30", second, StringComparison.Ordinal);
        Assert.Contains("""<a class="link" rel="prev" href="/admin/notifications?failurePage=1">Newer failures</a>""", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Older failures", second, StringComparison.Ordinal);

        // Out of range: the nearest page, never an error or an empty list.
        Assert.Equal(Expected(26, 30), Shown(await admin.GetStringAsync("/admin/notifications?failurePage=99", Cancel)));
        Assert.Equal(Expected(1, 25), Shown(await admin.GetStringAsync("/admin/notifications?failurePage=0", Cancel)));
        Assert.Equal(Expected(1, 25), Shown(await admin.GetStringAsync("/admin/notifications?failurePage=x", Cancel)));
    }

    [Fact]
    public async Task Given_a_retry_from_an_older_page_Then_the_admin_returns_to_that_page()
    {
        var marker = Guid.NewGuid().ToString("N");
        await SeedAsync(marker);
        var admin = App.CreateBrowserLikeClient();
        await admin.SignInAsAdminOrFailAsync(App);
        var page = await admin.GetStringAsync("/admin/notifications?failurePage=2", Cancel);
        var retryUrl = WebUtility.HtmlDecode(Regex.Match(page, """<form method="post" action="([^"]*failurePage=2[^"]*)">""").Groups[1].Value);
        Assert.Contains("handler=Retry", retryUrl, StringComparison.Ordinal);

        var retry = await admin.PostAsync(retryUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = BillCenterApp.AntiforgeryToken(page),
        }), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal("/admin/notifications?failurePage=2", retry.Headers.Location?.OriginalString);
        var after = await admin.GetStringAsync("/admin/notifications?failurePage=2", Cancel);
        Assert.Contains("will be sent again", after, StringComparison.Ordinal);
        Assert.Contains($"of {Failures - 1}", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_failed_text_Then_the_log_names_its_channel_SMS_in_the_counts_and_the_failures()
    {
        var marker = Guid.NewGuid().ToString("N");
        await App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<NotificationsDbContext>();
            var text = Notification(NotificationStatus.Failed, $"text failure {marker}", DateTime.UtcNow);
            text.Channel = NotificationChannel.Sms;
            text.Destination = "+12125550148";
            db.Notifications.Add(text);
            await db.SaveChangesAsync(Cancel);
        });
        var admin = App.CreateBrowserLikeClient();
        await admin.SignInAsAdminOrFailAsync(App);

        var html = await admin.GetStringAsync("/admin/notifications", Cancel);

        Assert.Contains("<th scope=\"row\">SMS</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>test (SMS)</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Sms<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("(Sms)", html, StringComparison.Ordinal);
    }

    private static string[] Expected(int from, int to) =>
        Enumerable.Range(from, to - from + 1).Select(i => $"failure {i:00}").ToArray();

    /// <summary>The seeded failures a page lists, in its order.</summary>
    private static string[] Shown(string html) =>
        FailureCell().Matches(html).Select(m => m.Groups[1].Value).ToArray();

    /// <summary>
    /// 30 failures a minute apart (every fifth undeliverable), numbered newest first, and newer rows that did not fail.
    /// The tests of a class share one app, so failures from an earlier test are removed first.
    /// </summary>
    private async Task SeedAsync(string marker)
    {
        await App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<NotificationsDbContext>();
            await db.Notifications.Where(n => n.Status == NotificationStatus.Failed || n.Status == NotificationStatus.Undeliverable).ExecuteDeleteAsync(Cancel);
            var now = DateTime.UtcNow;
            for (var i = 1; i <= Failures; i++)
            {
                db.Notifications.Add(Notification(i % 5 == 0 ? NotificationStatus.Undeliverable : NotificationStatus.Failed, $"failure {i:00} {marker}", now.AddMinutes(-i)));
            }

            db.Notifications.Add(Notification(NotificationStatus.Pending, $"not a failure {marker}", now));
            db.Notifications.Add(Notification(NotificationStatus.Sent, $"not a failure {marker}", now));
            await db.SaveChangesAsync(Cancel);
        });
    }

    private static Notification Notification(NotificationStatus status, string error, DateTime updatedAt) => new()
    {
        Type = AlertType.StatementReady,
        Template = "test",
        Channel = NotificationChannel.Email,
        Destination = "failing.mailbox@example.com",
        Subject = "BillCenter test alert",
        TextBody = "This is a test alert.",
        Status = status,
        Attempts = 6,
        LastError = error,
        CreatedAt = updatedAt,
        NextAttemptAt = updatedAt.AddDays(1),
        UpdatedAt = updatedAt,
    };
}

public sealed class DeliveryLogTestsOnSqlite(SqliteFixture fixture) : DeliveryLogTests(fixture), IClassFixture<SqliteFixture>;

public sealed class DeliveryLogTestsOnPostgres(PostgresFixture fixture) : DeliveryLogTests(fixture), IClassFixture<PostgresFixture>;
