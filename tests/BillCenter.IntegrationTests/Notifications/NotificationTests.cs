using System.Text.RegularExpressions;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Notifications.Dispatch;
using BillCenter.SharedKernel.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace BillCenter.IntegrationTests;

/// <summary>The app with its Hangfire server running and email going to the real SMTP server of scripts/test.sh.</summary>
public abstract class NotificationAppFixture(TestDatabase database) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private BillCenterApp? _app;

    public TestDatabase Database => database;

    public static Dictionary<string, string?> Settings(bool runJobs = true)
    {
        var settings = MailDrop.SmtpSettings();
        settings["Jobs:RunServer"] = runJobs ? "true" : "false";
        settings["Notifications:Dispatch:RetryBaseDelay"] = "00:00:00";
        settings["Notifications:Dispatch:MaxAttempts"] = "3";
        return settings;
    }

    public BillCenterApp App
    {
        get
        {
            MailDrop.Require();
            if (database == TestDatabase.Postgres)
            {
                TestServices.RequirePostgres();
            }

            lock (_gate)
            {
                return _app ??= new BillCenterApp(database, settings: Settings());
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

public sealed class SqliteNotificationFixture() : NotificationAppFixture(TestDatabase.Sqlite);

public sealed class PostgresNotificationFixture() : NotificationAppFixture(TestDatabase.Postgres);

public abstract class NotificationTests(NotificationAppFixture fixture)
{
    private BillCenterApp App => fixture.App;

    [Fact]
    public async Task Given_a_card_locked_by_five_wrong_card_IDs_Then_exactly_one_security_email_reaches_the_cardholder()
    {
        var account = await App.OpenAsync(mobile: null);
        var number = TestCards.Parse(account.CardNumbers[0]);
        var wrong = TestCards.ParseCardId(TestCards.WrongCardId(account.CardIdDigits[0]!));
        for (var i = 0; i < 7; i++)
        {
            await App.SendAsync(new VerifyCardId(number, wrong));
        }

        var message = Assert.Single(await MailDrop.WaitForAsync(account.Email!));
        Assert.Equal("Security alert: online checks for your card are paused", message.Subject);
        Assert.Contains($"card ending {account.CardNumbers[0][^4..]}", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en-US\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<h1", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", message.HtmlBody, StringComparison.Ordinal);
        MailAssert.NoCardSecrets(message, account.CardNumbers[0], account.CardIdDigits[0]);

        // The SMTP server has the message; the dispatcher records the outcome right after.
        var record = await Eventually.MatchAsync(
            () => SingleNotificationAsync(n => n.CardAccountId == account.CardAccountId),
            n => n.Status != NotificationStatus.Sending,
            n => $"notification {n.Id} stayed {n.Status}");

        Assert.Equal(NotificationStatus.Sent, record.Status);
        Assert.Equal($"{record.Id:N}@notifications.billcenter", message.MessageId);

        await DrainAsync();
        Assert.Single(await MailDrop.MessagesToAsync(account.Email!));
    }

    [Fact]
    public async Task Given_an_alert_event_delivered_twice_Then_one_message_is_sent()
    {
        var account = await App.OpenAsync(mobile: null);
        var alert = new AlertRequested(Guid.NewGuid(), DateTime.UtcNow, AlertType.Security, "test", account.CardAccountId, null,
            new Dictionary<string, string> { ["Marker"] = "twice" });

        await App.WithScopeAsync(services => services.GetRequiredService<IMediator>().Publish(alert, TestContext.Current.CancellationToken));
        await App.WithScopeAsync(services => services.GetRequiredService<IMediator>().Publish(alert, TestContext.Current.CancellationToken));

        Assert.Single(await MailDrop.WaitForAsync(account.Email!));
        await DrainAsync();
        Assert.Single(await MailDrop.MessagesToAsync(account.Email!));
        Assert.Equal(1, await CountNotificationsAsync(n => n.EventId == alert.EventId));
    }

    [Fact]
    public async Task Given_a_one_time_code_by_email_Then_it_arrives_works_once_and_is_never_stored_in_clear()
    {
        var account = await App.OpenAsync(mobile: null);

        var sent = await App.SendAsync(new SendOneTimeCode("test", account.CardAccountId, NotificationChannel.Email));

        Assert.True(sent.Sent);
        Assert.Equal($"h•••@example.com", sent.MaskedDestination);
        var message = Assert.Single(await MailDrop.WaitForAsync(account.Email!));
        var code = SecurityCodes.In(message);
        Assert.Matches("^[0-9]{6}$", code);
        Assert.Contains(code, message.HtmlBody, StringComparison.Ordinal);

        await App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<NotificationsDbContext>();
            var stored = await db.OneTimeCodes.AsNoTracking().SingleAsync(c => c.Id == sent.CodeId, TestContext.Current.CancellationToken);
            Assert.DoesNotContain(code, stored.CodeHash, StringComparison.Ordinal);
            var notification = await db.Notifications.AsNoTracking().SingleAsync(n => n.CardAccountId == account.CardAccountId, TestContext.Current.CancellationToken);
            Assert.DoesNotContain(code, notification.TextBody + notification.HtmlBody, StringComparison.Ordinal);
        });

        Assert.Equal(CodeCheck.Wrong, (await App.SendAsync(new VerifyOneTimeCode(sent.CodeId!.Value, account.CardAccountId, "test", WrongCode(code)))).Outcome);
        Assert.Equal(CodeCheck.NotFound, (await App.SendAsync(new VerifyOneTimeCode(sent.CodeId.Value, account.CardAccountId, "another-flow", code))).Outcome);
        var valid = await App.SendAsync(new VerifyOneTimeCode(sent.CodeId.Value, account.CardAccountId, "test", code));
        Assert.True(valid.IsValid);
        Assert.Equal(account.CardAccountId, valid.CardAccountId);
        Assert.Equal(CodeCheck.AlreadyUsed, (await App.SendAsync(new VerifyOneTimeCode(sent.CodeId.Value, account.CardAccountId, "test", code))).Outcome);
    }

    [Fact]
    public async Task Given_parallel_wrong_codes_Then_at_most_five_count_on_the_code_and_the_right_code_is_refused_after_whatever_the_interleaving()
    {
        var account = await App.OpenAsync(mobile: null);
        var sent = await App.SendAsync(new SendOneTimeCode("test", account.CardAccountId, NotificationChannel.Email));
        var code = SecurityCodes.In(Assert.Single(await MailDrop.WaitForAsync(account.Email!)));

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => App.SendAsync(new VerifyOneTimeCode(sent.CodeId!.Value, account.CardAccountId, "test", WrongCode(code)))));

        // How the 20 interleave depends on the machine: some are counted on the code (at most its 5), the others refused
        // because the code is dead or the day's limit of wrong entries is reached. Never one more check than the limits allow.
        Assert.DoesNotContain(results, r => r.IsValid);
        var counted = results.Count(r => r.Outcome == CodeCheck.Wrong);
        Assert.InRange(counted, 0, 5);
        var right = await App.SendAsync(new VerifyOneTimeCode(sent.CodeId!.Value, account.CardAccountId, "test", code));
        Assert.Contains(right.Outcome, new[] { CodeCheck.TooManyAttempts, CodeCheck.LimitReached });
        await App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<NotificationsDbContext>();
            var failed = (await db.OneTimeCodes.AsNoTracking().SingleAsync(c => c.Id == sent.CodeId, TestContext.Current.CancellationToken)).FailedAttempts;
            var entries = await db.OneTimeCodeLimitEntries.CountAsync(
                e => e.CardAccountId == account.CardAccountId && e.Kind == Modules.Notifications.Domain.OneTimeCodeLimitKind.WrongEntry, TestContext.Current.CancellationToken);

            // Each "wrong" answer was counted on the code (the one reaching the day's limit answers "limit reached" instead);
            // the code is dead (5) or the day's limit stays reached (over 10 entries kept).
            Assert.InRange(failed, counted, 5);
            Assert.True(failed == 5 || entries > 10, $"{failed} wrong on the code and {entries} wrong entries today: neither limit holds the right code back");
        });
    }

    [Fact]
    public async Task Given_a_code_sent_for_one_card_account_Then_it_is_not_valid_for_another()
    {
        var account = await App.OpenAsync(mobile: null);
        var other = await App.OpenAsync(mobile: null);
        var sent = await App.SendAsync(new SendOneTimeCode("test", account.CardAccountId, NotificationChannel.Email));
        var code = SecurityCodes.In(Assert.Single(await MailDrop.WaitForAsync(account.Email!)));

        Assert.Equal(CodeCheck.NotFound, (await App.SendAsync(new VerifyOneTimeCode(sent.CodeId!.Value, other.CardAccountId, "test", code))).Outcome);
        Assert.True((await App.SendAsync(new VerifyOneTimeCode(sent.CodeId!.Value, account.CardAccountId, "test", code))).IsValid);
        Assert.False(await App.SendAsync(new RedeemVerifiedCode(sent.CodeId!.Value, other.CardAccountId, "test")));
        Assert.True(await App.SendAsync(new RedeemVerifiedCode(sent.CodeId!.Value, account.CardAccountId, "test")));
        Assert.False(await App.SendAsync(new RedeemVerifiedCode(sent.CodeId!.Value, account.CardAccountId, "test")));
    }

    [Fact]
    public async Task Given_used_and_expired_codes_older_than_the_retention_Then_the_daily_purge_deletes_them_and_keeps_the_rest()
    {
        var account = await App.OpenAsync(mobile: null);
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await App.SendAsync(new SendOneTimeCode("test", account.CardAccountId, NotificationChannel.Email))).CodeId!.Value);
        }

        var old = DateTime.UtcNow - TimeSpan.FromDays(2);
        await App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<NotificationsDbContext>();
            var codes = await db.OneTimeCodes.Where(c => ids.Contains(c.Id)).ToListAsync(TestContext.Current.CancellationToken);
            codes.Single(c => c.Id == ids[0]).ExpiresAt = old; // expired long ago
            codes.Single(c => c.Id == ids[1]).ConsumedAt = old; // used long ago
            codes.Single(c => c.Id == ids[2]).ConsumedAt = DateTime.UtcNow; // used just now: kept
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        await App.WithScopeAsync(services => services.GetRequiredService<BillCenter.Modules.Notifications.Jobs.PurgeOneTimeCodes>().RunAsync(TestContext.Current.CancellationToken));

        await App.WithScopeAsync(async services =>
        {
            var left = await services.GetRequiredService<NotificationsDbContext>().OneTimeCodes.AsNoTracking()
                .Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(ids.Skip(2).Order(), left.Order());
        });
    }

    [Fact]
    public async Task Given_a_code_asked_for_again_at_once_Then_the_resend_is_refused_with_a_reason()
    {
        var account = await App.OpenAsync(mobile: null);
        var sent = await App.SendAsync(new SendOneTimeCode("test", account.CardAccountId, NotificationChannel.Email));

        var again = await App.SendAsync(new ResendOneTimeCode(sent.CodeId!.Value));

        Assert.False(again.Sent);
        Assert.Contains("less than 30 seconds ago", again.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_two_dispatchers_racing_over_the_same_alerts_Then_each_alert_is_sent_once()
    {
        await using var quiet = new BillCenterApp(fixture.Database, settings: NotificationAppFixture.Settings(runJobs: false));
        var accounts = new List<TestAccount>();
        for (var i = 0; i < 12; i++)
        {
            var account = await quiet.OpenAsync(mobile: null);
            accounts.Add(account);
            await quiet.SendAsync(new QueueAlert(AlertType.StatementReady, "test", account.CardAccountId, null, new Dictionary<string, string> { ["Marker"] = "race" }));
        }

        await Task.WhenAll(DrainAsync(quiet), DrainAsync(quiet), DrainAsync(quiet));

        foreach (var account in accounts)
        {
            Assert.Single(await MailDrop.MessagesToAsync(account.Email!));
        }

        await quiet.WithScopeAsync(async services =>
        {
            var records = await services.GetRequiredService<NotificationsDbContext>().Notifications.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(12, records.Count(n => n.Template == "test"));
            Assert.All(records.Where(n => n.Template == "test"), n => Assert.Equal((NotificationStatus.Sent, 1), (n.Status, n.Attempts)));
        });
    }

    [Fact]
    public async Task Given_a_dispatch_that_failed_and_a_restart_Then_the_alert_is_delivered_exactly_once()
    {
        var broken = NotificationAppFixture.Settings(runJobs: false);
        broken["Smtp:Port"] = "1"; // nothing listens there: the connection is refused
        await using var first = new BillCenterApp(fixture.Database, settings: broken);
        var account = await first.OpenAsync(mobile: null);
        var ids = await first.SendAsync(new QueueAlert(AlertType.PaymentReceived, "test", account.CardAccountId, null, new Dictionary<string, string> { ["Marker"] = "restart" }));
        await DrainAsync(first);

        var failed = await SingleNotificationAsync(first, n => n.Id == ids[0]);
        Assert.Equal((NotificationStatus.Pending, 1), (failed.Status, failed.Attempts));
        Assert.StartsWith("SMTP connect", failed.LastError, StringComparison.Ordinal);
        Assert.Empty(await MailDrop.MessagesToAsync(account.Email!));

        // A new instance on the same database (its in-memory job storage starts empty) picks the alert up at start.
        var healthy = NotificationAppFixture.Settings(runJobs: true);
        healthy["ConnectionStrings:BillCenter"] = first.ConnectionString;
        healthy["Database:SeedDemoData"] = "false";
        await using var second = new BillCenterApp(fixture.Database, settings: healthy, sharedDataFolder: first.DataFolder);
        _ = second.Services;

        Assert.Single(await MailDrop.WaitForAsync(account.Email!));
        // The outcome is recorded right after the SMTP server took the message.
        var sent = await Eventually.MatchAsync(
            () => SingleNotificationAsync(second, n => n.Id == ids[0]),
            n => n.Status != NotificationStatus.Sending,
            n => $"notification {n.Id} stayed {n.Status}");

        Assert.Equal((NotificationStatus.Sent, 2), (sent.Status, sent.Attempts));
        Assert.Null(sent.LastError);
    }

    private Task DrainAsync() => Dispatcher.DrainAsync(App);

    private static Task DrainAsync(BillCenterApp app) => Dispatcher.DrainAsync(app);

    private Task<Modules.Notifications.Domain.Notification> SingleNotificationAsync(System.Linq.Expressions.Expression<Func<Modules.Notifications.Domain.Notification, bool>> where) =>
        SingleNotificationAsync(App, where);

    private static async Task<Modules.Notifications.Domain.Notification> SingleNotificationAsync(
        BillCenterApp app, System.Linq.Expressions.Expression<Func<Modules.Notifications.Domain.Notification, bool>> where)
    {
        Modules.Notifications.Domain.Notification? found = null;
        await app.WithScopeAsync(async services =>
            found = await services.GetRequiredService<NotificationsDbContext>().Notifications.AsNoTracking().SingleAsync(where, TestContext.Current.CancellationToken));
        return found!;
    }

    private async Task<int> CountNotificationsAsync(System.Linq.Expressions.Expression<Func<Modules.Notifications.Domain.Notification, bool>> where)
    {
        var count = 0;
        await App.WithScopeAsync(async services =>
            count = await services.GetRequiredService<NotificationsDbContext>().Notifications.CountAsync(where, TestContext.Current.CancellationToken));
        return count;
    }

    private static string WrongCode(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class NotificationTestsOnSqlite(SqliteNotificationFixture fixture) : NotificationTests(fixture), IClassFixture<SqliteNotificationFixture>;

public sealed class NotificationTestsOnPostgres(PostgresNotificationFixture fixture) : NotificationTests(fixture), IClassFixture<PostgresNotificationFixture>;
