using BillCenter.Modules.Notifications.Channels;
using BillCenter.Modules.Notifications.Sms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BillCenter.Notifications.Tests;

/// <summary>The Twilio channel as the app registers it, talking real HTTP to a fake Twilio on 127.0.0.1.</summary>
public sealed class TwilioSmsChannelTests : IAsyncLifetime
{
    private const string Body = "BillCenter: your code is 482913. It expires in 10 minutes.";
    private const string Cardholder = "+12125550148";

    private readonly CapturedLogs _logs = new();
    private FakeTwilio _twilio = null!;
    private ServiceProvider? _services;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _twilio = await FakeTwilio.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await _twilio.DisposeAsync();
    }

    [Fact]
    public async Task Given_a_number_as_typed_Then_Twilio_gets_it_in_E164_with_our_sender_the_body_the_callback_and_Basic_auth()
    {
        var channel = Channel(new() { ["Twilio:StatusCallbackUrl"] = "https://billcenter.example/webhooks/twilio/status" });

        await channel.SendAsync(new OutgoingSms(Guid.CreateVersion7(), "(212) 555-0148", Body), Cancel);

        var request = Assert.Single(await _twilio.WaitForRequestsAsync(1, TimeSpan.FromSeconds(10)));
        Assert.True(request.AuthorizationOk);
        Assert.Equal(FakeTwilio.DefaultAccountSid, request.AccountSid);
        Assert.Equal(Cardholder, request.To);
        Assert.Equal("+15005550006", request.From);
        Assert.Null(request.MessagingServiceSid);
        Assert.Equal(Body, request.Body);
        Assert.Equal("https://billcenter.example/webhooks/twilio/status", request.StatusCallback);
    }

    [Fact]
    public async Task Given_a_messaging_service_Then_it_is_named_instead_of_a_From_number()
    {
        var channel = Channel(new() { ["Twilio:MessagingServiceSid"] = "MG00000000000000000000000000000001", ["Twilio:From"] = string.Empty });

        await channel.SendAsync(new OutgoingSms(Guid.CreateVersion7(), Cardholder, Body), Cancel);

        var request = Assert.Single(_twilio.Requests);
        Assert.Equal("MG00000000000000000000000000000001", request.MessagingServiceSid);
        Assert.Null(request.From);
    }

    [Fact]
    public async Task Given_no_status_callback_URL_Then_Twilio_is_not_asked_to_call_back()
    {
        await Channel().SendAsync(new OutgoingSms(Guid.CreateVersion7(), Cardholder, Body), Cancel);

        Assert.Null(Assert.Single(_twilio.Requests).StatusCallback);
    }

    [Fact]
    public async Task Given_Twilio_accepts_the_message_Then_it_is_Sent_with_Twilio_s_message_SID()
    {
        var id = Guid.CreateVersion7();

        var result = await Channel().SendAsync(new OutgoingSms(id, Cardholder, Body), Cancel);

        var request = Assert.Single(_twilio.Requests);
        Assert.Equal(201, request.AnsweredStatus);
        Assert.StartsWith("SM", request.MessageSid, StringComparison.Ordinal);
        Assert.Equal(new DeliveryResult(id, DeliveryOutcome.Sent, request.MessageSid), result);
    }

    [Fact]
    public async Task Given_Twilio_says_21211_not_a_valid_number_Then_the_recipient_is_invalid_and_the_error_says_why()
    {
        _twilio.EnqueueInvalidNumber();

        var result = await SendAsync();

        AssertFailure(result, DeliveryOutcome.InvalidRecipient, "Twilio 400 error 21211: The 'To' number is not a valid phone number.");
    }

    [Fact]
    public async Task Given_Twilio_says_21610_the_recipient_replied_STOP_Then_the_recipient_opted_out()
    {
        _twilio.EnqueueOptedOut();

        var result = await SendAsync();

        AssertFailure(result, DeliveryOutcome.RecipientOptedOut, "Twilio 400 error 21610: Attempt to send to unsubscribed recipient");
    }

    [Fact]
    public async Task Given_Twilio_says_429_too_many_requests_Then_it_is_a_transient_failure_and_not_retried_now()
    {
        _twilio.EnqueueTooManyRequests();

        var result = await SendAsync();

        AssertFailure(result, DeliveryOutcome.TransientFailure, "Twilio 429 error 20429: Too Many Requests");
        Assert.Single(_twilio.Requests);
    }

    [Fact]
    public async Task Given_a_429_without_an_error_code_Then_it_is_still_transient()
    {
        _twilio.Enqueue(new FakeTwilioAnswer(429));

        var result = await SendAsync();

        AssertFailure(result, DeliveryOutcome.TransientFailure, "Twilio 429");
    }

    [Fact]
    public async Task Given_error_code_20429_on_another_status_Then_it_is_transient()
    {
        _twilio.Enqueue(new FakeTwilioAnswer(400, 20429, "Too Many Requests"));

        var result = await SendAsync();

        AssertFailure(result, DeliveryOutcome.TransientFailure, "Twilio 400 error 20429: Too Many Requests");
    }

    [Fact]
    public async Task Given_Twilio_fails_with_500_Then_it_is_a_transient_failure_and_not_retried_now()
    {
        _twilio.EnqueueServerError();

        var result = await SendAsync();

        AssertFailure(result, DeliveryOutcome.TransientFailure, "Twilio 500 error 20500: Internal Server Error");
        Assert.Single(_twilio.Requests);
    }

    [Theory]
    [InlineData(502, true)]
    [InlineData(429, true)]
    [InlineData(403, false)]
    public async Task Given_an_HTML_error_page_instead_of_Twilio_s_JSON_Then_the_HTTP_status_decides(int status, bool transient)
    {
        _twilio.Enqueue(FakeTwilioAnswer.ProxyErrorPage(status));

        var result = await SendAsync();

        AssertFailure(result, transient ? DeliveryOutcome.TransientFailure : DeliveryOutcome.PermanentFailure, $"Twilio {status}");
    }

    [Fact]
    public async Task Given_any_other_4xx_Then_it_is_a_permanent_failure()
    {
        _twilio.Enqueue(new FakeTwilioAnswer(400, 21602, "Message body is required."));

        var result = await SendAsync();

        AssertFailure(result, DeliveryOutcome.PermanentFailure, "Twilio 400 error 21602: Message body is required.");
    }

    [Fact]
    public async Task Given_a_wrong_auth_token_Then_Twilio_refuses_with_401_and_it_is_a_permanent_failure()
    {
        var result = await Channel(new() { ["Twilio:AuthToken"] = "not-the-token" })
            .SendAsync(new OutgoingSms(Guid.CreateVersion7(), Cardholder, Body), Cancel);

        AssertFailure(result, DeliveryOutcome.PermanentFailure, "Twilio 401 error 20003: Authenticate");
        Assert.False(Assert.Single(_twilio.Requests).AuthorizationOk);
    }

    [Fact]
    public async Task Given_scripted_answers_in_a_row_Then_each_message_gets_the_next_one_and_then_201_again()
    {
        _twilio.EnqueueServerError();
        _twilio.EnqueueOptedOut();
        var channel = Channel();

        var outcomes = new List<DeliveryOutcome>();
        for (var i = 0; i < 3; i++)
        {
            outcomes.Add((await channel.SendAsync(new OutgoingSms(Guid.CreateVersion7(), Cardholder, Body), Cancel)).Outcome);
        }

        Assert.Equal([DeliveryOutcome.TransientFailure, DeliveryOutcome.RecipientOptedOut, DeliveryOutcome.Sent], outcomes);
    }

    [Fact]
    public async Task Given_one_number_that_opted_out_Then_only_its_messages_are_refused_even_when_sent_at_once()
    {
        _twilio.AnswerFor("+13125550199", FakeTwilioAnswer.OptedOut);
        var channel = Channel();
        string[] numbers = ["+12125550148", "+13125550199", "+14155550123", "+13125550199", "+16175550111"];

        var results = await Task.WhenAll(numbers.Select(n => channel.SendAsync(new OutgoingSms(Guid.CreateVersion7(), n, Body), Cancel)));

        Assert.Equal(
            [DeliveryOutcome.Sent, DeliveryOutcome.RecipientOptedOut, DeliveryOutcome.Sent, DeliveryOutcome.RecipientOptedOut, DeliveryOutcome.Sent],
            results.Select(r => r.Outcome));
        var sids = results.Where(r => r.Outcome == DeliveryOutcome.Sent).Select(r => r.ProviderMessageId).ToList();
        Assert.Equal(3, sids.Distinct().Count());
        Assert.Equal(5, (await _twilio.WaitForRequestsAsync(5, TimeSpan.FromSeconds(10))).Count);
    }

    [Fact]
    public async Task Given_Twilio_quotes_the_number_in_its_error_Then_the_log_has_neither_the_number_nor_the_text()
    {
        _twilio.Enqueue(new FakeTwilioAnswer(400, 21211, $"The 'To' number {Cardholder} is not a valid phone number."));

        var result = await SendAsync();

        Assert.Equal(DeliveryOutcome.InvalidRecipient, result.Outcome);
        Assert.Contains("phone ending 0148", _logs.AllText, StringComparison.Ordinal);
        Assert.Contains("21211", _logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("2125550148", _logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("482913", _logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_destination_that_is_no_phone_number_Then_it_is_an_invalid_recipient_and_Twilio_is_not_called()
    {
        var result = await Channel().SendAsync(new OutgoingSms(Guid.CreateVersion7(), "555-0148", Body), Cancel);

        Assert.Equal(DeliveryOutcome.InvalidRecipient, result.Outcome);
        Assert.Empty(_twilio.Requests);
    }

    [Fact]
    public async Task Given_Twilio_cannot_be_reached_Then_it_is_a_transient_failure_within_a_few_seconds()
    {
        var channel = Channel();
        await _twilio.DisposeAsync();
        var started = TimeProvider.System.GetTimestamp();

        var result = await channel.SendAsync(new OutgoingSms(Guid.CreateVersion7(), Cardholder, Body), Cancel);

        Assert.Equal(DeliveryOutcome.TransientFailure, result.Outcome);
        Assert.StartsWith("Twilio unreachable", result.Error, StringComparison.Ordinal);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Given_Twilio_answers_too_slowly_Then_it_is_a_transient_failure()
    {
        _twilio.Enqueue(FakeTwilioAnswer.Slow(TimeSpan.FromSeconds(30)));
        var options = Options.Create(TwilioOptionsFor(_twilio));
        using var http = new HttpClient(new TwilioBaseUrlHandler(options) { InnerHandler = new SocketsHttpHandler() }) { Timeout = TimeSpan.FromMilliseconds(300) };
        var channel = new TwilioSmsChannel(http, options, NullLogger<TwilioSmsChannel>.Instance);

        var result = await channel.SendAsync(new OutgoingSms(Guid.CreateVersion7(), Cardholder, Body), Cancel);

        Assert.Equal(new DeliveryResult(result.NotificationId, DeliveryOutcome.TransientFailure, Error: "Twilio timed out"), result);
    }

    [Fact]
    public async Task Given_the_caller_cancels_Then_the_send_is_cancelled_not_reported_as_a_failure()
    {
        _twilio.Enqueue(FakeTwilioAnswer.Slow(TimeSpan.FromSeconds(30)));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));
        var started = TimeProvider.System.GetTimestamp();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Channel().SendAsync(new OutgoingSms(Guid.CreateVersion7(), Cardholder, Body), cancel.Token));

        // The SDK takes no token: the cancellation reaches the request through the channel's HttpClient, not its 10 s timeout.
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(5));
    }

    private static void AssertFailure(DeliveryResult result, DeliveryOutcome outcome, string error)
    {
        Assert.Equal(outcome, result.Outcome);
        Assert.Null(result.ProviderMessageId);
        Assert.Equal(error, result.Error);
        Assert.DoesNotContain("482913", result.Error, StringComparison.Ordinal);
    }

    private static TwilioOptions TwilioOptionsFor(FakeTwilio twilio) => new()
    {
        AccountSid = twilio.AccountSid,
        AuthToken = twilio.AuthToken,
        From = "+15005550006",
        BaseUrl = twilio.BaseUrl,
    };

    private Task<DeliveryResult> SendAsync() => Channel().SendAsync(new OutgoingSms(Guid.CreateVersion7(), Cardholder, Body), Cancel);

    private ISmsChannel Channel(Dictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(_twilio.Settings());
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _services = new ServiceCollection().AddLogging(logging => logging.AddProvider(_logs)).AddSms(configuration, Path.GetTempPath()).BuildServiceProvider();
        var channel = _services.GetRequiredService<ISmsChannel>();
        Assert.IsType<TwilioSmsChannel>(channel);
        return channel;
    }
}
