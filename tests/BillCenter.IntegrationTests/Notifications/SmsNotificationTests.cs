using System.Text.RegularExpressions;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Notifications.Dispatch;
using BillCenter.Modules.Notifications.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notification = BillCenter.Modules.Notifications.Domain.Notification;

namespace BillCenter.IntegrationTests;

/// <summary>The app with the fake Twilio API (real HTTP on 127.0.0.1) and the real SMTP server.</summary>
public abstract class SmsAppFixture(TestDatabase database) : IAsyncDisposable
{
    public const string CallbackUrl = "https://billcenter.example/webhooks/twilio/status";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private BillCenterApp? _app;

    public FakeTwilio Twilio { get; private set; } = null!;

    public TestDatabase Database => database;

    public async Task<BillCenterApp> AppAsync()
    {
        MailDrop.Require();
        if (database == TestDatabase.Postgres)
        {
            TestServices.RequirePostgres();
        }

        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_app is null)
            {
                Twilio = await FakeTwilio.StartAsync();
                var settings = NotificationAppFixture.Settings();
                foreach (var (key, value) in Twilio.Settings())
                {
                    settings[key] = value;
                }

                settings["Twilio:StatusCallbackUrl"] = CallbackUrl;
                _app = new BillCenterApp(database, settings: settings);
                _ = _app.Services;
            }

            return _app;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            await Twilio.DisposeAsync();
        }

        _gate.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteSmsFixture() : SmsAppFixture(TestDatabase.Sqlite);

public sealed class PostgresSmsFixture() : SmsAppFixture(TestDatabase.Postgres);

public abstract partial class SmsNotificationTests(SmsAppFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Given_a_security_alert_Then_one_text_reaches_Twilio_with_basic_auth_in_E164_and_one_email_too()
    {
        var app = await fixture.AppAsync();
        var account = await app.OpenAsync(mobile: NewMobile());

        await app.SendAsync(new QueueAlert(AlertType.Security, "test", account.CardAccountId, null, new Dictionary<string, string> { ["Marker"] = "sms" }));

        var request = Assert.Single(await RequestsToAsync(account.Mobile!, 1));
        Assert.True(request.AuthorizationOk);
        Assert.Matches("^\\+1[0-9]{10}$", request.To);
        Assert.Equal("+15005550006", request.From);
        Assert.Equal(SmsAppFixture.CallbackUrl, request.StatusCallback);
        Assert.Equal("BillCenter: This is a test alert sms.", request.Body);
        Assert.Single(await MailDrop.WaitForAsync(account.Email!));

        var smsId = (await NotificationAsync(app, n => n.CardAccountId == account.CardAccountId && n.Channel == NotificationChannel.Sms)).Id;
        await WaitForStatusAsync(app, smsId, NotificationStatus.Sent); // Twilio has answered; the outcome is recorded right after
        var sms = await NotificationAsync(app, n => n.Id == smsId);
        Assert.Equal(request.MessageSid, sms.ProviderMessageId);
    }

    [Theory]
    [InlineData(21211)]
    [InlineData(21610)]
    public async Task Given_a_number_that_cannot_take_texts_Then_the_code_is_undeliverable_the_number_is_opted_out_and_the_code_goes_by_email(int twilioError)
    {
        var app = await fixture.AppAsync();
        var account = await app.OpenAsync(mobile: NewMobile());
        fixture.Twilio.AnswerFor(account.Mobile!, twilioError == 21211 ? FakeTwilioAnswer.InvalidNumber : FakeTwilioAnswer.OptedOut);

        var sent = await app.SendAsync(new SendOneTimeCode("test", account.CardAccountId, NotificationChannel.Sms));

        Assert.Equal($"phone ending {account.Mobile![^4..]}", sent.MaskedDestination);
        await RequestsToAsync(account.Mobile, 1);
        var email = Assert.Single(await MailDrop.WaitForAsync(account.Email!));
        var code = SecurityCodes.In(email);
        Assert.True((await app.SendAsync(new VerifyOneTimeCode(sent.CodeId!.Value, account.CardAccountId, "test", code))).IsValid);

        var textId = (await NotificationAsync(app, n => n.CardAccountId == account.CardAccountId && n.Channel == NotificationChannel.Sms)).Id;
        await WaitForStatusAsync(app, textId, NotificationStatus.Undeliverable);
        var text = await NotificationAsync(app, n => n.Id == textId);
        Assert.Contains(twilioError.ToString(System.Globalization.CultureInfo.InvariantCulture), text.LastError, StringComparison.Ordinal);
        var destinations = await app.SendAsync(new GetCodeDestinations(account.CardAccountId));
        Assert.Equal([NotificationChannel.Email], destinations.Select(d => d.Channel));
    }

    [Fact]
    public async Task Given_a_code_text_to_a_number_that_cannot_take_texts_Then_no_code_is_left_in_the_notifications_table()
    {
        var app = await fixture.AppAsync();
        var account = await app.OpenAsync(mobile: NewMobile());
        fixture.Twilio.AnswerFor(account.Mobile!, FakeTwilioAnswer.InvalidNumber);

        await app.SendAsync(new SendOneTimeCode("test", account.CardAccountId, NotificationChannel.Sms));
        var code = SecurityCodes.In(Assert.Single(await MailDrop.WaitForAsync(account.Email!)));

        var textId = (await NotificationAsync(app, n => n.CardAccountId == account.CardAccountId && n.Channel == NotificationChannel.Sms)).Id;
        await WaitForStatusAsync(app, textId, NotificationStatus.Undeliverable);
        await AssertNoCodeStoredAsync(app, account.CardAccountId, code);
    }

    [Fact]
    public async Task Given_a_code_text_that_fails_every_time_Then_no_code_is_left_in_the_notifications_table()
    {
        var app = await fixture.AppAsync();
        var account = await app.OpenAsync(mobile: NewMobile(), email: false);
        fixture.Twilio.AnswerFor(account.Mobile!, FakeTwilioAnswer.ServerError);

        var sent = await app.SendAsync(new SendOneTimeCode("test", account.CardAccountId, NotificationChannel.Sms));
        Assert.True(sent.Sent);
        var first = await RequestsToAsync(account.Mobile!, 1);
        var code = SecurityCodes.In(first[0].Body);
        var textId = (await NotificationAsync(app, n => n.CardAccountId == account.CardAccountId && n.Channel == NotificationChannel.Sms)).Id;
        await WaitForStatusAsync(app, textId, NotificationStatus.Pending);
        await DrainAsync(app);
        await DrainAsync(app);
        await WaitForStatusAsync(app, textId, NotificationStatus.Failed);

        await AssertNoCodeStoredAsync(app, account.CardAccountId, code);
    }

    /// <summary>Neither in clear nor encrypted: a failed or undeliverable code's body is gone like a sent one's.</summary>
    private static Task AssertNoCodeStoredAsync(BillCenterApp app, Guid cardAccountId, string code) =>
        app.WithScopeAsync(async services =>
        {
            var protector = services.GetRequiredService<BillCenter.Modules.Notifications.Domain.CodeProtector>();
            var db = services.GetRequiredService<NotificationsDbContext>();
            var stored = await Eventually.MatchAsync(
                () => db.Notifications.AsNoTracking().Where(n => n.CardAccountId == cardAccountId).ToListAsync(TestContext.Current.CancellationToken),
                all => all.Count > 0 && all.All(n => n.Status is NotificationStatus.Sent or NotificationStatus.Failed or NotificationStatus.Undeliverable),
                all => $"notifications still in progress: {string.Join(", ", all.Select(n => n.Status))}");
            foreach (var body in stored.SelectMany(n => new[] { n.TextBody, n.HtmlBody }).OfType<string>())
            {
                Assert.DoesNotContain(code, body, StringComparison.Ordinal);
                string revealed;
                try
                {
                    revealed = protector.Reveal(body);
                }
                catch (System.Security.Cryptography.CryptographicException)
                {
                    revealed = string.Empty;
                }

                Assert.DoesNotContain(code, revealed, StringComparison.Ordinal);
            }
        });

    [Fact]
    public async Task Given_Twilio_answers_429_then_201_Then_the_text_is_retried_and_sent_once()
    {
        var app = await fixture.AppAsync();
        var account = await app.OpenAsync(mobile: NewMobile(), email: false);
        fixture.Twilio.AnswerFor(account.Mobile!, FakeTwilioAnswer.TooManyRequests);
        var ids = await app.SendAsync(new QueueAlert(AlertType.StatementReady, "test", account.CardAccountId, null, new Dictionary<string, string> { ["Marker"] = "retry" }));
        await RequestsToAsync(account.Mobile!, 1);
        await WaitForStatusAsync(app, ids[0], NotificationStatus.Pending);
        var waiting = await NotificationAsync(app, n => n.Id == ids[0]);
        Assert.Equal((NotificationStatus.Pending, 1), (waiting.Status, waiting.Attempts));
        Assert.Contains("429", waiting.LastError, StringComparison.Ordinal);

        fixture.Twilio.AnswerFor(account.Mobile!, FakeTwilioAnswer.Accepted);
        await DrainAsync(app);

        Assert.Equal(2, (await RequestsToAsync(account.Mobile!, 2)).Count);
        var sent = await NotificationAsync(app, n => n.Id == ids[0]);
        Assert.Equal((NotificationStatus.Sent, 2), (sent.Status, sent.Attempts));
        await DrainAsync(app);
        Assert.Equal(2, fixture.Twilio.Requests.Count(r => r.To == account.Mobile));
    }

    [Fact]
    public async Task Given_Twilio_fails_with_500_every_time_Then_the_text_fails_after_the_maximum_attempts_and_an_admin_can_retry_it()
    {
        var app = await fixture.AppAsync();
        var account = await app.OpenAsync(mobile: NewMobile(), email: false);
        fixture.Twilio.AnswerFor(account.Mobile!, FakeTwilioAnswer.ServerError);
        var ids = await app.SendAsync(new QueueAlert(AlertType.PaymentReceived, "test", account.CardAccountId, null, new Dictionary<string, string> { ["Marker"] = "fail" }));
        await RequestsToAsync(account.Mobile!, 1);
        await WaitForStatusAsync(app, ids[0], NotificationStatus.Pending);
        await DrainAsync(app);
        await DrainAsync(app);

        var failed = await NotificationAsync(app, n => n.Id == ids[0]);
        Assert.Equal((NotificationStatus.Failed, 3), (failed.Status, failed.Attempts));
        Assert.Equal(3, fixture.Twilio.Requests.Count(r => r.To == account.Mobile));

        var admin = app.CreateBrowserLikeClient();
        await admin.SignInAsAdminAsync(app);
        var page = await admin.GetStringAsync("/admin/notifications", TestContext.Current.CancellationToken);
        Assert.Contains("Twilio 500", page, StringComparison.Ordinal);
        Assert.Contains($"phone ending {account.Mobile![^4..]}", page, StringComparison.Ordinal);

        fixture.Twilio.AnswerFor(account.Mobile!, FakeTwilioAnswer.Accepted);
        var token = BillCenterApp.AntiforgeryToken(page);
        var retry = await admin.PostAsync($"/admin/notifications?handler=Retry&id={ids[0]}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);

        await RequestsToAsync(account.Mobile!, 4);
        await WaitForStatusAsync(app, ids[0], NotificationStatus.Sent);
    }

    [Fact]
    public async Task Given_Twilio_status_callbacks_Then_only_correctly_signed_ones_change_the_record()
    {
        var app = await fixture.AppAsync();
        var account = await app.OpenAsync(mobile: NewMobile(), email: false);
        var ids = await app.SendAsync(new QueueAlert(AlertType.CardActivated, "test", account.CardAccountId, null, new Dictionary<string, string> { ["Marker"] = "hook" }));
        var sid = (await RequestsToAsync(account.Mobile!, 1))[0].MessageSid!;
        await WaitForStatusAsync(app, ids[0], NotificationStatus.Sent);
        var form = new Dictionary<string, string> { ["MessageSid"] = sid, ["MessageStatus"] = "delivered", ["AccountSid"] = fixture.Twilio.AccountSid };
        var client = app.CreateBrowserLikeClient();

        var unsigned = await client.PostAsync("/webhooks/twilio/status", new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
        var forged = await PostSignedAsync(client, form, "not-the-auth-token");
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (unsigned.StatusCode, forged.StatusCode));
        Assert.Equal(NotificationStatus.Sent, (await NotificationAsync(app, n => n.Id == ids[0])).Status);

        var signed = await PostSignedAsync(client, form, fixture.Twilio.AuthToken);

        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var delivered = await NotificationAsync(app, n => n.Id == ids[0]);
        Assert.Equal(NotificationStatus.Delivered, delivered.Status);
        Assert.NotNull(delivered.DeliveredAt);
    }

    [Fact]
    public async Task Given_a_cardholder_enrolling_with_a_code_by_text_Then_the_code_from_Twilio_opens_the_next_step()
    {
        var app = await fixture.AppAsync();
        var account = await app.OpenAsync(mobile: NewMobile());
        var client = app.CreateBrowserLikeClient();
        await client.SubmitFormAsync("/enroll", new Dictionary<string, string> { ["Data.Path"] = "CardWithCardId" });
        await client.SubmitFormAsync("/enroll/card", new Dictionary<string, string> { ["Data.CardNumber"] = account.CardNumbers[0], ["Data.CardId"] = account.CardIdDigits[0]! });
        var choices = await client.GetStringAsync("/enroll/send-code", TestContext.Current.CancellationToken);
        Assert.Contains($"Text message to phone ending {account.Mobile![^4..]}", choices, StringComparison.Ordinal);

        var sent = await client.SubmitFormAsync("/enroll/send-code", new Dictionary<string, string> { ["Data.Channel"] = "Sms" });
        Assert.Equal("/enroll/code", sent.Headers.Location?.OriginalString);
        var text = Assert.Single(await RequestsToAsync(account.Mobile, 1));
        var code = SecurityCodes.In(text.Body);
        var entered = await client.SubmitFormAsync("/enroll/code", new Dictionary<string, string> { ["Data.Code"] = code });

        Assert.Equal("/enroll/credentials", entered.Headers.Location?.OriginalString);
        await DrainAsync(app); // nothing still on its way
        Assert.Empty(await MailDrop.MessagesToAsync(account.Email!)); // the code went by text only
    }

    private static Task<HttpResponseMessage> PostSignedAsync(HttpClient client, Dictionary<string, string> form, string authToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/twilio/status") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioStatusWebhook.SignatureHeader, FakeTwilio.SignCallback(authToken, SmsAppFixture.CallbackUrl, form));
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<IReadOnlyList<FakeTwilioRequest>> RequestsToAsync(string mobile, int count)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            var requests = fixture.Twilio.Requests.Where(r => r.To == mobile).ToList();
            if (requests.Count >= count || DateTime.UtcNow > deadline)
            {
                if (requests.Count < count)
                {
                    var app = await fixture.AppAsync();
                    var records = new List<string>();
                    await app.WithScopeAsync(async services => records.AddRange(await services.GetRequiredService<NotificationsDbContext>().Notifications.AsNoTracking()
                        .Where(n => n.Destination == mobile).Select(n => $"{n.Status} x{n.Attempts}: {n.LastError}").ToListAsync(TestContext.Current.CancellationToken)));
                    Assert.Fail($"expected {count} request(s) to {mobile}, got {requests.Count}; records: {string.Join("; ", records)}");
                }

                return requests;
            }

            try
            {
                await fixture.Twilio.WaitForRequestsAsync(fixture.Twilio.Requests.Count + 1, TimeSpan.FromMilliseconds(200));
            }
            catch (TimeoutException)
            {
                // no new request yet: look again until the deadline
            }
        }
    }

    private static Task WaitForStatusAsync(BillCenterApp app, Guid id, NotificationStatus status) =>
        Eventually.MatchAsync(() => NotificationAsync(app, n => n.Id == id), n => n.Status == status, n => $"notification {id} never became {status} (it is {n.Status})", Wait);

    private static Task DrainAsync(BillCenterApp app) => Dispatcher.DrainAsync(app);

    private static async Task<Notification> NotificationAsync(BillCenterApp app, System.Linq.Expressions.Expression<Func<Notification, bool>> where)
    {
        Notification? found = null;
        await app.WithScopeAsync(async services =>
            found = await services.GetRequiredService<NotificationsDbContext>().Notifications.AsNoTracking().SingleAsync(where, TestContext.Current.CancellationToken));
        return found!;
    }

    private static string NewMobile() => $"+1404{Random.Shared.Next(200, 1000)}{Random.Shared.Next(1000, 10000)}";
}

public sealed class SmsNotificationTestsOnSqlite(SqliteSmsFixture fixture) : SmsNotificationTests(fixture), IClassFixture<SqliteSmsFixture>;

public sealed class SmsNotificationTestsOnPostgres(PostgresSmsFixture fixture) : SmsNotificationTests(fixture), IClassFixture<PostgresSmsFixture>;
