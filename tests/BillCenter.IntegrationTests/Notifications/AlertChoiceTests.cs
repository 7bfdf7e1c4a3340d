using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Preferences.Data;
using BillCenter.Modules.Preferences.Domain;
using BillCenter.SharedKernel.Messaging;
using BillCenter.SharedKernel.Money;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.IntegrationTests;

/// <summary>
/// The Notifications module honors each card account's alert choices (Preferences): by email, by text, both or not at
/// all, read back from the real SMTP server and the fake Twilio; and the amount alerts fire from ledger postings.
/// </summary>
public abstract class AlertChoiceTests(SmsAppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task Given_payment_received_chosen_by_email_or_text_or_both_or_neither_When_one_is_queued_Then_it_goes_exactly_that_way(bool byEmail, bool byText)
    {
        var app = await fixture.AppAsync();
        var account = await app.OpenAsync(mobile: NewMobile());
        await ChooseAsync(app, account.CardAccountId, AlertType.PaymentReceived, byEmail, byText);

        var ids = await app.SendAsync(new QueueAlert(AlertType.PaymentReceived, "payment-received", account.CardAccountId, null,
            new Dictionary<string, string> { ["Amount"] = "$120.00", ["Last4"] = "0013" }));

        Assert.Equal((byEmail ? 1 : 0) + (byText ? 1 : 0), ids.Count);
        if (byEmail)
        {
            Assert.Equal("We received your payment", Assert.Single(await MailDrop.WaitForAsync(account.Email!)).Subject);
        }

        if (byText)
        {
            await TextsToAsync(account.Mobile!, 1);
        }

        await Dispatcher.DrainAsync(app);
        Assert.Equal(byEmail ? 1 : 0, (await MailDrop.MessagesToAsync(account.Email!)).Count);
        var texts = fixture.Twilio.Requests.Where(r => r.To == account.Mobile).ToList();
        Assert.Equal(byText ? 1 : 0, texts.Count);
        Assert.All(texts, t => Assert.Equal("BillCenter: We received your payment of $120.00 for the card account ending 0013. Thank you.", t.Body));
    }

    [Fact]
    public async Task Given_the_chosen_way_cannot_reach_the_cardholder_Then_the_alert_goes_the_other_way_rather_than_nowhere()
    {
        var app = await fixture.AppAsync();
        var textOnly = await app.OpenAsync(mobile: null);
        var emailOnly = await app.OpenAsync(mobile: NewMobile(), email: false);
        await ChooseAsync(app, textOnly.CardAccountId, AlertType.PaymentReceived, byEmail: false, byText: true);
        await ChooseAsync(app, emailOnly.CardAccountId, AlertType.PaymentReceived, byEmail: true, byText: false);
        var parameters = new Dictionary<string, string> { ["Amount"] = "$9.00", ["Last4"] = "0013" };

        var noNumber = await app.SendAsync(new QueueAlert(AlertType.PaymentReceived, "payment-received", textOnly.CardAccountId, null, parameters));
        var noEmail = await app.SendAsync(new QueueAlert(AlertType.PaymentReceived, "payment-received", emailOnly.CardAccountId, null, parameters));

        Assert.Equal([NotificationChannel.Email], await ChannelsAsync(app, noNumber));
        Assert.Equal([NotificationChannel.Sms], await ChannelsAsync(app, noEmail));
        Assert.Equal("We received your payment", Assert.Single(await MailDrop.WaitForAsync(textOnly.Email!)).Subject);
        Assert.StartsWith("BillCenter: We received your payment of $9.00", Assert.Single(await TextsToAsync(emailOnly.Mobile!, 1)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_no_choice_saved_Then_payment_received_goes_by_email_only_and_security_alerts_go_both_ways_whatever_is_chosen()
    {
        var app = await fixture.AppAsync();
        var account = await app.OpenAsync(mobile: NewMobile());

        var service = await app.SendAsync(new QueueAlert(AlertType.PaymentReceived, "payment-received", account.CardAccountId, null,
            new Dictionary<string, string> { ["Amount"] = "$5.00", ["Last4"] = "0013" }));
        await ChooseAsync(app, account.CardAccountId, AlertType.PaymentReceived, byEmail: false, byText: false);
        var security = await app.SendAsync(new QueueAlert(AlertType.Security, "password-changed", account.CardAccountId, null, new Dictionary<string, string>()));

        Assert.Equal([NotificationChannel.Email], await ChannelsAsync(app, service));
        Assert.Equal([NotificationChannel.Email, NotificationChannel.Sms], await ChannelsAsync(app, security));
        await TextsToAsync(account.Mobile!, 1);
        Assert.Equal(2, (await MailDrop.WaitForAsync(account.Email!, 2)).Count);
    }

    [Fact]
    public async Task Given_purchase_and_balance_amounts_When_the_ledger_posts_Then_each_alert_fires_only_over_its_amount_and_the_balance_one_once_per_crossing()
    {
        var app = await fixture.AppAsync();
        var account = await app.OpenAsync(mobile: NewMobile());
        await ChooseAsync(app, account.CardAccountId, AlertType.PurchaseOverAmount, byEmail: true, byText: false, thresholdCents: 100_00);
        await ChooseAsync(app, account.CardAccountId, AlertType.BalanceOverAmount, byEmail: true, byText: true, thresholdCents: 1_000_00);

        await PostAsync(app, account, 50m, "Corner Cafe");          // under both amounts
        await PostAsync(app, account, 900m, "Hotel Lumen");         // purchase over 100, balance 950: under 1,000
        await PostAsync(app, account, -200m, "Payment");            // a payment is never a purchase
        await PostAsync(app, account, 300m, "Airline Blue");        // purchase over 100; balance 750 -> 1,050: crosses 1,000
        await PostAsync(app, account, 40m, "Bookshop");             // still over 1,000: no second balance alert
        await PublishLedgerEventsAsync(app);

        // The app's own jobs publish and send too, so wait for what is expected to arrive; the counts below then show nothing more came.
        await MailDrop.WaitForAsync(account.Email!, 3);
        await TextsToAsync(account.Mobile!, 1);
        await Dispatcher.DrainAsync(app);
        Assert.Equal(4, (await NotificationsForAsync(app, account.CardAccountId)).Count);
        var subjects = (await MailDrop.MessagesToAsync(account.Email!)).Select(m => m.Subject).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["A purchase over $100.00 on your card", "A purchase over $100.00 on your card", "Your balance is over $1,000.00"], subjects);
        var bodies = (await MailDrop.MessagesToAsync(account.Email!)).Select(m => m.TextBody).ToList();
        Assert.Contains(bodies, b => b?.Contains("A purchase of $900.00 at Hotel Lumen", StringComparison.Ordinal) == true);
        Assert.Contains(bodies, b => b?.Contains("A purchase of $300.00 at Airline Blue", StringComparison.Ordinal) == true);
        var text = Assert.Single(fixture.Twilio.Requests, r => r.To == account.Mobile);
        Assert.Contains("is now $1,050.00, over the $1,000.00", text.Body, StringComparison.Ordinal);

        // Published again (a crash between handling and marking): nothing is sent twice.
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AccountsDbContext>();
            await db.Set<OutboxMessage>().ExecuteUpdateAsync(s => s.SetProperty(m => m.PublishedAt, (DateTime?)null), Cancel);
        });
        await PublishLedgerEventsAsync(app);
        Assert.Equal(4, (await NotificationsForAsync(app, account.CardAccountId)).Count);
        await Dispatcher.DrainAsync(app);
        Assert.Equal(3, (await MailDrop.MessagesToAsync(account.Email!)).Count);
    }

    private static async Task<List<Guid>> NotificationsForAsync(BillCenterApp app, Guid cardAccountId)
    {
        var ids = new List<Guid>();
        await app.WithScopeAsync(async services => ids.AddRange(await services.GetRequiredService<NotificationsDbContext>().Notifications.AsNoTracking()
            .Where(n => n.CardAccountId == cardAccountId).Select(n => n.Id).ToListAsync(Cancel)));
        return ids;
    }

    private static async Task PostAsync(BillCenterApp app, TestAccount account, decimal amount, string description) =>
        await app.SendAsync(new PostCardTransaction(account.CardAccountId, account.CardIds[0], DateTime.UtcNow, description,
            amount < 0 ? TransactionKind.Payment : TransactionKind.Purchase, Money.FromDecimal(amount)));

    /// <summary>Publishes the Accounts outbox now, as its job would; the job may run too (handlers are idempotent).</summary>
    private static Task PublishLedgerEventsAsync(BillCenterApp app) =>
        app.WithScopeAsync(services => services.GetRequiredService<OutboxPublisher<AccountsDbContext>>().PublishPendingAsync(Cancel));

    private static Task ChooseAsync(BillCenterApp app, Guid cardAccountId, AlertType type, bool byEmail, bool byText, long? thresholdCents = null) =>
        app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PreferencesDbContext>();
            await db.AlertSettings.Where(s => s.CardAccountId == cardAccountId && s.Type == type).ExecuteDeleteAsync(Cancel);
            db.AlertSettings.Add(new AlertSetting
            {
                CardAccountId = cardAccountId, Type = type, ByEmail = byEmail, ByText = byText, ThresholdCents = thresholdCents,
                ChosenAt = DateTime.UtcNow, ChosenBy = "test",
            });
            await db.SaveChangesAsync(Cancel);
        });

    private static async Task<List<NotificationChannel>> ChannelsAsync(BillCenterApp app, IReadOnlyList<Guid> ids)
    {
        var channels = new List<NotificationChannel>();
        await app.WithScopeAsync(async services => channels.AddRange(await services.GetRequiredService<NotificationsDbContext>().Notifications.AsNoTracking()
            .Where(n => ids.Contains(n.Id)).Select(n => n.Channel).ToListAsync(Cancel)));
        return [.. channels.Order()];
    }

    private Task<List<FakeTwilioRequest>> TextsToAsync(string mobile, int count) =>
        Eventually.MatchAsync(
            () => Task.FromResult(fixture.Twilio.Requests.Where(r => r.To == mobile).ToList()),
            texts => texts.Count >= count,
            texts => $"expected {count} text(s) to {mobile}, got {texts.Count}");

    private static string NewMobile() => $"+1404{Random.Shared.Next(200, 1000)}{Random.Shared.Next(1000, 10000)}";
}

public sealed class AlertChoiceTestsOnSqlite(SqliteSmsFixture fixture) : AlertChoiceTests(fixture), IClassFixture<SqliteSmsFixture>;

public sealed class AlertChoiceTestsOnPostgres(PostgresSmsFixture fixture) : AlertChoiceTests(fixture), IClassFixture<PostgresSmsFixture>;
