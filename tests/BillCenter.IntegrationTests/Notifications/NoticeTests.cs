using System.Text.RegularExpressions;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Preferences.Data;
using BillCenter.Modules.Preferences.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.IntegrationTests;

/// <summary>
/// /notices: every alert queued for a cardholder, newest first and paged, only their own, kept even when they turned the
/// alert's emails and texts off; the header counts the unread ones; a one-time code is never a notice.
/// </summary>
public abstract partial class NoticeTests(AppFixture fixture)
{
    private const string Password = "amber orchard window 58";

    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [GeneratedRegex("""This is a test alert (notice-\d\d)\.""")]
    private static partial Regex TestMarker();

    [GeneratedRegex("""data-testid="unread-notices">(\d+)</span>""")]
    private static partial Regex UnreadBadge();

    [Fact]
    public async Task Given_a_card_activated_alert_Then_its_cardholder_sees_it_as_new_once_and_another_cardholder_never_sees_it()
    {
        var (mine, me, _) = await HolderAsync();
        var (_, someoneElse, _) = await HolderAsync();
        var unreadBefore = Unread(await me.GetStringAsync("/accounts", Cancel));

        await App.SendAsync(new QueueAlert(AlertType.CardActivated, "card-activated", mine.CardAccountId, null, new Dictionary<string, string> { ["Last4"] = "4321" }));

        var header = await me.GetStringAsync("/accounts", Cancel);
        Assert.Equal(unreadBefore + 1, Unread(header));
        Assert.Contains($"aria-label=\"Notices, {unreadBefore + 1} unread\">Notices <span class=\"badge\" data-testid=\"unread-notices\">{unreadBefore + 1}</span></a>", header, StringComparison.Ordinal);

        var first = await me.GetStringAsync("/notices", Cancel);
        var notice = NoticeWith(first, "Your card ending 4321 is active");
        Assert.Contains("data-testid=\"notice-new\">New", notice, StringComparison.Ordinal);
        Assert.Contains("Your card ending 4321 is now active and ready to use.", notice, StringComparison.Ordinal);
        Assert.Contains($"Gold Card ending {mine.CardNumbers[0][^4..]}", notice, StringComparison.Ordinal);
        Assert.Equal(0, Unread(first)); // the header after the page: what it showed is read
        Assert.DoesNotContain("data-testid=\"unread-notices\"", first, StringComparison.Ordinal);

        var again = await me.GetStringAsync("/notices", Cancel);
        Assert.DoesNotContain("data-testid=\"notice-new\"", NoticeWith(again, "Your card ending 4321 is active"), StringComparison.Ordinal);

        var theirs = await someoneElse.GetStringAsync("/notices", Cancel);
        Assert.DoesNotContain("Your card ending 4321 is active", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain(mine.CardAccountId.ToString(), theirs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_every_channel_of_an_alert_turned_off_When_it_is_queued_Then_no_message_is_made_but_the_notice_is()
    {
        var (account, client, _) = await HolderAsync();
        await TurnOffAsync(account.CardAccountId, AlertType.PaymentReceived);

        var ids = await App.SendAsync(new QueueAlert(AlertType.PaymentReceived, "payment-received", account.CardAccountId, null,
            new Dictionary<string, string> { ["Amount"] = "$42.17", ["Last4"] = "0013" }));

        Assert.Empty(ids);
        Assert.Equal(0, await NotificationCountAsync(account.CardAccountId));
        var notice = NoticeWith(await client.GetStringAsync("/notices", Cancel), "We received your payment");
        Assert.Contains("We received your payment of $42.17 for the card account ending 0013. Thank you.", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_security_alert_for_the_online_user_Then_it_is_a_notice_and_the_unread_count_contract_counts_it_until_seen()
    {
        var (_, client, userId) = await HolderAsync();
        await client.GetStringAsync("/notices", Cancel); // the new-sign-in alert of this browser, seen
        Assert.Equal(0, await App.SendAsync(new CountUnreadNotices(userId)));

        await App.SendAsync(new QueueAlert(AlertType.Security, "password-changed", null, userId, new Dictionary<string, string>()));
        await App.SendAsync(new QueueAlert(AlertType.Security, "user-id-changed", null, userId, new Dictionary<string, string>()));

        Assert.Equal(2, await App.SendAsync(new CountUnreadNotices(userId)));
        var html = await client.GetStringAsync("/notices", Cancel);
        Assert.Contains("Security alert: your password was changed", html, StringComparison.Ordinal);
        Assert.Contains("Security alert: your user ID was changed", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("your user ID was changed", StringComparison.Ordinal) < html.IndexOf("your password was changed", StringComparison.Ordinal), "newest first");
        Assert.Equal(0, await App.SendAsync(new CountUnreadNotices(userId)));
        Assert.Equal(0, await App.SendAsync(new CountUnreadNotices(string.Empty)));
    }

    [Fact]
    public async Task Given_a_one_time_code_sent_to_the_cardholder_Then_it_is_never_a_notice()
    {
        var (account, client, userId) = await HolderAsync();
        await client.GetStringAsync("/notices", Cancel);
        var before = await NoticeCountAsync(userId);

        await App.SendAsync(new SendOneTimeCode("recovery", account.CardAccountId, NotificationChannel.Email));

        Assert.True(await NotificationCountAsync(account.CardAccountId) > 0, "the code was queued");
        Assert.Equal(before, await NoticeCountAsync(userId));
        Assert.Equal(0, await App.SendAsync(new CountUnreadNotices(userId)));
        Assert.DoesNotContain("one-time code", await client.GetStringAsync("/notices", Cancel), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Given_more_notices_than_a_page_Then_they_page_newest_first_and_each_page_seen_is_read_on_its_own()
    {
        var (account, client, userId) = await HolderAsync();
        await client.GetStringAsync("/notices", Cancel);
        await TurnOffAsync(account.CardAccountId, AlertType.PaymentReceived); // no mail: the notices alone
        for (var i = 1; i <= 25; i++)
        {
            await App.SendAsync(new QueueAlert(AlertType.PaymentReceived, "test", account.CardAccountId, null, new Dictionary<string, string> { ["Marker"] = $"notice-{i:00}" }));
        }

        var first = await client.GetStringAsync("/notices", Cancel);

        Assert.Equal([.. Enumerable.Range(6, 20).Reverse().Select(i => $"notice-{i:00}")], Markers(first));
        Assert.Contains("Page 1 of 2", first, StringComparison.Ordinal);
        Assert.Contains("""<a class="link" rel="next" href="/notices?pageNumber=2">Older notices</a>""", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Newer notices", first, StringComparison.Ordinal);
        Assert.Equal(5, await App.SendAsync(new CountUnreadNotices(userId))); // the older page is not seen yet
        Assert.Equal(5, Unread(first));

        var second = await client.GetStringAsync("/notices?pageNumber=2", Cancel);
        Assert.Equal(["notice-05", "notice-04", "notice-03", "notice-02", "notice-01"], Markers(second));
        Assert.Contains("""<a class="link" rel="prev" href="/notices?pageNumber=1">Newer notices</a>""", second, StringComparison.Ordinal);
        Assert.Equal(5, Regex.Count(second, "data-testid=\"notice-new\""));
        Assert.Equal(0, await App.SendAsync(new CountUnreadNotices(userId)));

        // Out of range: the nearest page, never an error or an empty list.
        Assert.Equal(Markers(second), Markers(await client.GetStringAsync("/notices?pageNumber=99", Cancel)));
        Assert.Equal(Markers(first), Markers(await client.GetStringAsync("/notices?pageNumber=0", Cancel)));
        Assert.Equal(Markers(first), Markers(await client.GetStringAsync("/notices?pageNumber=x", Cancel)));
    }

    [Fact]
    public async Task Given_a_cardholder_without_notices_Then_the_page_says_so_and_the_header_shows_no_count()
    {
        var (_, client, userId) = await HolderAsync();
        await App.WithScopeAsync(async services =>
            await services.GetRequiredService<NotificationsDbContext>().Notices.Where(n => n.UserId == userId).ExecuteDeleteAsync(Cancel));

        var html = await client.GetStringAsync("/notices", Cancel);

        Assert.Contains("You have no notices yet.", html, StringComparison.Ordinal);
        Assert.Contains("""<a class="header__link" href="/notices" data-testid="notices-link">Notices</a>""", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<nav aria-label=\"Pages of notices\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_anonymous_visitor_Then_the_header_has_no_notices_link_and_no_count_is_asked()
    {
        var html = await App.CreateBrowserLikeClient().GetStringAsync("/", Cancel);

        Assert.DoesNotContain("href=\"/notices\"", html, StringComparison.Ordinal);
    }

    /// <summary>A new cardholder with one linked Gold Card account, signed in (which makes a new-sign-in notice).</summary>
    private async Task<(TestAccount Account, HttpClient Client, string UserId)> HolderAsync()
    {
        var account = await App.OpenAsync();
        var (userName, userId) = await App.NewCardholderAsync(Password, account);
        var client = App.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(userName, Password);
        return (account, client, userId);
    }

    private Task TurnOffAsync(Guid cardAccountId, AlertType type) =>
        App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PreferencesDbContext>();
            db.AlertSettings.Add(new AlertSetting { CardAccountId = cardAccountId, Type = type, ByEmail = false, ByText = false, ChosenAt = DateTime.UtcNow, ChosenBy = "test" });
            await db.SaveChangesAsync(Cancel);
        });

    private async Task<int> NotificationCountAsync(Guid cardAccountId)
    {
        var count = 0;
        await App.WithScopeAsync(async services =>
            count = await services.GetRequiredService<NotificationsDbContext>().Notifications.CountAsync(n => n.CardAccountId == cardAccountId, Cancel));
        return count;
    }

    private async Task<int> NoticeCountAsync(string userId)
    {
        var count = 0;
        await App.WithScopeAsync(async services =>
            count = await services.GetRequiredService<NotificationsDbContext>().Notices.CountAsync(n => n.UserId == userId, Cancel));
        return count;
    }

    private static int Unread(string html) =>
        UnreadBadge().Match(html) is { Success: true } match ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    private static string[] Markers(string html) => [.. TestMarker().Matches(html).Select(m => m.Groups[1].Value)];

    /// <summary>The list item of the notice whose subject is <paramref name="subject"/>.</summary>
    private static string NoticeWith(string html, string subject)
    {
        var at = html.IndexOf(subject, StringComparison.Ordinal);
        Assert.True(at >= 0, $"no notice \"{subject}\" on the page");
        var start = html.LastIndexOf("<li class=\"notice\"", at, StringComparison.Ordinal);
        return html[start..(html.IndexOf("</li>", at, StringComparison.Ordinal) + 5)];
    }
}

public sealed class NoticeTestsOnSqlite(SqliteFixture fixture) : NoticeTests(fixture), IClassFixture<SqliteFixture>;

public sealed class NoticeTestsOnPostgres(PostgresFixture fixture) : NoticeTests(fixture), IClassFixture<PostgresFixture>;
