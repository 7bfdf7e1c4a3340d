using BillCenter.Modules.Notifications.Contracts;

namespace BillCenter.Notifications.Tests;

/// <summary>One webhook host per test class and provider, started on first use (so a missing PostgreSQL skips, not fails).</summary>
public abstract class WebhookFixture(TestDatabase database) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private WebhookHost? _host;

    internal async Task<WebhookHost> HostAsync()
    {
        if (database == TestDatabase.Postgres)
        {
            TestServices.RequirePostgres();
        }

        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            return _host ??= await WebhookHost.StartAsync(database);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _gate.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteWebhookFixture() : WebhookFixture(TestDatabase.Sqlite);

public sealed class PostgresWebhookFixture() : WebhookFixture(TestDatabase.Postgres);

/// <summary>POST /webhooks/twilio/status through a real HTTP pipeline and database.</summary>
public abstract class TwilioStatusWebhookTests(WebhookFixture fixture)
{
    [Fact]
    public async Task Given_a_signed_delivered_callback_Then_the_SMS_is_Delivered_at_that_time()
    {
        var host = await fixture.HostAsync();
        var sms = await host.SeedSentSmsAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var form = Callback(sms.ProviderMessageId!, "delivered");

        var response = await host.PostStatusAsync(form, WebhookHost.Sign(form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await host.FindAsync(sms.Id);
        Assert.Equal(NotificationStatus.Delivered, after.Status);
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime, after.DeliveredAt);
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime, after.UpdatedAt);
        Assert.NotEqual(sms.Version, after.Version);
        Assert.Null(after.LastError);
    }

    [Theory]
    [InlineData("undelivered", "30003")]
    [InlineData("failed", "30006")]
    public async Task Given_a_signed_undelivered_or_failed_callback_Then_the_SMS_is_Failed_with_Twilio_s_status_and_code(string status, string errorCode)
    {
        var host = await fixture.HostAsync();
        var sms = await host.SeedSentSmsAsync();
        var form = Callback(sms.ProviderMessageId!, status, errorCode);

        var response = await host.PostStatusAsync(form, WebhookHost.Sign(form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await host.FindAsync(sms.Id);
        Assert.Equal(NotificationStatus.Failed, after.Status);
        Assert.Equal($"Twilio: {status} {errorCode}", after.LastError);
        Assert.Null(after.DeliveredAt);
        Assert.NotEqual(sms.Version, after.Version);
    }

    [Fact]
    public async Task Given_a_failed_callback_because_the_cardholder_replied_STOP_Then_the_number_is_recorded_as_opted_out()
    {
        var host = await fixture.HostAsync();
        var number = $"+1415{Random.Shared.Next(2_000_000, 9_999_999)}";
        var sms = await host.SeedSentSmsAsync(number);
        var form = Callback(sms.ProviderMessageId!, "failed", "21610");

        var response = await host.PostStatusAsync(form, WebhookHost.Sign(form));
        var again = await host.PostStatusAsync(form, WebhookHost.Sign(form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("Twilio: failed 21610", (await host.FindAsync(sms.Id)).LastError);
        var optOut = await host.FindOptOutAsync(number);
        Assert.NotNull(optOut);
        Assert.Contains("21610", optOut.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_wrong_signature_Then_403_and_the_SMS_is_unchanged()
    {
        var host = await fixture.HostAsync();
        var sms = await host.SeedSentSmsAsync();
        var form = Callback(sms.ProviderMessageId!, "delivered");
        var signedForSomethingElse = WebhookHost.Sign(Callback(sms.ProviderMessageId!, "sent"));

        var response = await host.PostStatusAsync(form, signedForSomethingElse);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertUnchangedAsync(host, sms);
    }

    [Fact]
    public async Task Given_no_signature_Then_403_and_the_SMS_is_unchanged()
    {
        var host = await fixture.HostAsync();
        var sms = await host.SeedSentSmsAsync();

        var response = await host.PostStatusAsync(Callback(sms.ProviderMessageId!, "delivered"), signature: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertUnchangedAsync(host, sms);
    }

    [Fact]
    public async Task Given_a_callback_URL_is_configured_Then_a_signature_over_the_URL_the_request_came_to_is_refused()
    {
        var host = await fixture.HostAsync();
        var sms = await host.SeedSentSmsAsync();
        var form = Callback(sms.ProviderMessageId!, "delivered");

        var response = await host.PostStatusAsync(form, WebhookHost.Sign(form, host.DirectUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertUnchangedAsync(host, sms);
    }

    [Fact]
    public async Task Given_a_delivered_SMS_Then_late_sent_and_undelivered_callbacks_do_not_move_it_back()
    {
        var host = await fixture.HostAsync();
        var sms = await host.SeedSentSmsAsync();
        var delivered = Callback(sms.ProviderMessageId!, "delivered");
        await host.PostStatusAsync(delivered, WebhookHost.Sign(delivered));
        var deliveredAt = (await host.FindAsync(sms.Id)).DeliveredAt;
        host.Clock.Advance(TimeSpan.FromMinutes(5));

        foreach (var form in new[] { Callback(sms.ProviderMessageId!, "sent"), Callback(sms.ProviderMessageId!, "undelivered", "30003") })
        {
            Assert.Equal(HttpStatusCode.OK, (await host.PostStatusAsync(form, WebhookHost.Sign(form))).StatusCode);
        }

        var after = await host.FindAsync(sms.Id);
        Assert.Equal(NotificationStatus.Delivered, after.Status);
        Assert.Equal(deliveredAt, after.DeliveredAt);
        Assert.Null(after.LastError);
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime, after.UpdatedAt);
    }

    [Theory]
    [InlineData("queued")]
    [InlineData("sending")]
    [InlineData("sent")]
    public async Task Given_a_callback_that_the_SMS_is_still_on_its_way_Then_its_status_stays_but_UpdatedAt_and_Version_move(string status)
    {
        var host = await fixture.HostAsync();
        var sms = await host.SeedSentSmsAsync();
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        var form = Callback(sms.ProviderMessageId!, status);

        var response = await host.PostStatusAsync(form, WebhookHost.Sign(form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await host.FindAsync(sms.Id);
        Assert.Equal(NotificationStatus.Sent, after.Status);
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime, after.UpdatedAt);
        Assert.NotEqual(sms.Version, after.Version);
    }

    [Fact]
    public async Task Given_a_signed_callback_for_a_message_we_do_not_know_Then_200_and_nothing_to_do()
    {
        var host = await fixture.HostAsync();
        var form = Callback($"SM{Guid.NewGuid():N}", "delivered");

        var response = await host.PostStatusAsync(form, WebhookHost.Sign(form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Given_the_host_s_sign_in_and_anonymous_POST_limit_Then_Twilio_still_gets_through_however_often_it_calls()
    {
        var host = await fixture.HostAsync();
        var ordinary = new[]
        {
            await host.Client.PostAsync("/guarded", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken),
            await host.Client.PostAsync("/guarded", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken),
        };
        var sms = await host.SeedSentSmsAsync();

        var statuses = new List<HttpStatusCode>();
        foreach (var status in new[] { "queued", "sent", "delivered" })
        {
            var form = Callback(sms.ProviderMessageId!, status);
            statuses.Add((await host.PostStatusAsync(form, WebhookHost.Sign(form))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, ordinary[0].StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, ordinary[1].StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(NotificationStatus.Delivered, (await host.FindAsync(sms.Id)).Status);
    }

    private static Dictionary<string, string> Callback(string messageSid, string status, string? errorCode = null)
    {
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = "AC00000000000000000000000000000001",
            ["ApiVersion"] = "2010-04-01",
            ["From"] = "+15005550006",
            ["MessageSid"] = messageSid,
            ["MessageStatus"] = status,
            ["SmsSid"] = messageSid,
            ["SmsStatus"] = status,
            ["To"] = "+12125550148",
        };
        if (errorCode is not null)
        {
            form["ErrorCode"] = errorCode;
        }

        return form;
    }

    private static async Task AssertUnchangedAsync(WebhookHost host, Modules.Notifications.Domain.Notification before)
    {
        var after = await host.FindAsync(before.Id);
        Assert.Equal(before.Status, after.Status);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal(before.Version, after.Version);
        Assert.Null(after.DeliveredAt);
        Assert.Null(after.LastError);
    }
}

public sealed class TwilioStatusWebhookTestsOnSqlite(SqliteWebhookFixture fixture) : TwilioStatusWebhookTests(fixture), IClassFixture<SqliteWebhookFixture>;

public sealed class TwilioStatusWebhookTestsOnPostgres(PostgresWebhookFixture fixture) : TwilioStatusWebhookTests(fixture), IClassFixture<PostgresWebhookFixture>;

/// <summary>Without Twilio:StatusCallbackUrl (Twilio told our URL some other way), the request's own URL is what is signed.</summary>
public sealed class TwilioStatusWebhookWithoutCallbackUrlTests : IAsyncLifetime
{
    private WebhookHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await WebhookHost.StartAsync(TestDatabase.Sqlite, statusCallbackUrl: null);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Given_no_callback_URL_configured_Then_a_signature_over_the_request_s_own_URL_is_accepted()
    {
        var sms = await _host.SeedSentSmsAsync();
        var form = new Dictionary<string, string> { ["MessageSid"] = sms.ProviderMessageId!, ["MessageStatus"] = "delivered" };

        var response = await _host.PostStatusAsync(form, WebhookHost.Sign(form, _host.DirectUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(NotificationStatus.Delivered, (await _host.FindAsync(sms.Id)).Status);
    }

    [Fact]
    public async Task Given_no_callback_URL_configured_Then_a_signature_over_another_URL_is_refused()
    {
        var sms = await _host.SeedSentSmsAsync();
        var form = new Dictionary<string, string> { ["MessageSid"] = sms.ProviderMessageId!, ["MessageStatus"] = "delivered" };

        var response = await _host.PostStatusAsync(form, WebhookHost.Sign(form, WebhookHost.CallbackUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(NotificationStatus.Sent, (await _host.FindAsync(sms.Id)).Status);
    }
}
