using System.Text;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Sms;

namespace BillCenter.Notifications.Tests;

/// <summary>
/// Whatever reaches /webhooks/twilio/status — missing fields, statuses Twilio does not have, control characters
/// (PostgreSQL refuses a NUL byte in text), a huge body, the wrong content type, a bad signature — the answer is a
/// 400 or 403, never a 500, and the message's row is left as it was.
/// </summary>
public abstract class TwilioStatusWebhookBadInputTests(WebhookFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Each signed callback: which field is bad and how.</summary>
    public static TheoryData<string, string?> SignedBadFields => new()
    {
        { "MessageSid", null },
        { "MessageStatus", null },
        { "MessageStatus", "" },
        { "MessageStatus", "exploded" },
        { "MessageStatus", "deliv\0ered" },
        { "MessageSid", "" },
        { "MessageSid", "SM\0" },
        { "MessageSid", "{sid}\0" },
        { "MessageSid", "{sid}\u001b" },
        { "MessageSid", "{sid}' OR '1'='1" },
        { "ErrorCode", "30003\0" },
        { "ErrorCode", "not a number" },
        { "ErrorCode", "{huge}" },
        { "MessageSid", "{huge}" },
    };

    [Theory]
    [MemberData(nameof(SignedBadFields))]
    public async Task Given_a_signed_callback_with_a_missing_or_malformed_field_Then_400_and_the_SMS_is_unchanged(string field, string? value)
    {
        var host = await fixture.HostAsync();
        var sms = await host.SeedSentSmsAsync();
        var form = Callback(sms.ProviderMessageId!, "undelivered", "30003");
        if (value is null)
        {
            form.Remove(field);
        }
        else
        {
            form[field] = value.Replace("{sid}", sms.ProviderMessageId, StringComparison.Ordinal).Replace("{huge}", new string('9', 1_500), StringComparison.Ordinal);
        }

        var response = await host.PostStatusAsync(form, WebhookHost.Sign(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertUnchangedAsync(host, sms);
    }

    [Fact]
    public async Task Given_a_body_larger_than_any_callback_Then_400_and_the_SMS_is_unchanged()
    {
        var host = await fixture.HostAsync();
        var sms = await host.SeedSentSmsAsync();
        var form = Callback(sms.ProviderMessageId!, "delivered");
        form["Padding"] = new string('x', 200_000);

        var response = await host.PostStatusAsync(form, WebhookHost.Sign(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertUnchangedAsync(host, sms);
    }

    [Fact]
    public async Task Given_a_huge_body_without_a_length_Then_400_and_the_SMS_is_unchanged()
    {
        var host = await fixture.HostAsync();
        var sms = await host.SeedSentSmsAsync();
        var body = $"MessageSid={sms.ProviderMessageId}&MessageStatus=delivered&Padding={new string('x', 100_000)}";
        using var content = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes(body)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, TwilioStatusWebhook.Path) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await host.Client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertUnchangedAsync(host, sms);
    }

    [Theory]
    [InlineData("application/json", "{\"MessageSid\":\"SM1\",\"MessageStatus\":\"delivered\"}")]
    [InlineData("text/plain", "MessageSid=SM1&MessageStatus=delivered")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"MessageSid\"\r\n\r\nSM1")]
    [InlineData("application/x-www-form-urlencoded", "%%%=&&&=%zz")]
    public async Task Given_a_body_that_is_not_a_well_formed_form_Then_400_or_403_never_500(string contentType, string body)
    {
        var host = await fixture.HostAsync();
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, TwilioStatusWebhook.Path) { Content = content };
        request.Headers.Add(TwilioStatusWebhook.SignatureHeader, "bm90IGEgc2lnbmF0dXJl");

        var response = await host.Client.SendAsync(request, Cancel);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Forbidden });
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("")]
    [InlineData("AAAA")]
    public async Task Given_a_bad_signature_Then_403_and_the_SMS_is_unchanged(string signature)
    {
        var host = await fixture.HostAsync();
        var sms = await host.SeedSentSmsAsync();
        var form = Callback(sms.ProviderMessageId!, "delivered");

        using var request = new HttpRequestMessage(HttpMethod.Post, TwilioStatusWebhook.Path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.TryAddWithoutValidation(TwilioStatusWebhook.SignatureHeader, signature);
        var response = await host.Client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertUnchangedAsync(host, sms);
    }

    private static async Task AssertUnchangedAsync(WebhookHost host, Modules.Notifications.Domain.Notification before)
    {
        var after = await host.FindAsync(before.Id);
        Assert.Equal(NotificationStatus.Sent, after.Status);
        Assert.Equal(before.Version, after.Version);
        Assert.Null(after.LastError);
    }

    private static Dictionary<string, string> Callback(string messageSid, string status, string? errorCode = null)
    {
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = "AC00000000000000000000000000000001",
            ["MessageSid"] = messageSid,
            ["MessageStatus"] = status,
            ["To"] = "+12125550148",
        };
        if (errorCode is not null)
        {
            form["ErrorCode"] = errorCode;
        }

        return form;
    }
}

public sealed class TwilioStatusWebhookBadInputTestsOnSqlite(SqliteWebhookFixture fixture) : TwilioStatusWebhookBadInputTests(fixture), IClassFixture<SqliteWebhookFixture>;

public sealed class TwilioStatusWebhookBadInputTestsOnPostgres(PostgresWebhookFixture fixture) : TwilioStatusWebhookBadInputTests(fixture), IClassFixture<PostgresWebhookFixture>;
