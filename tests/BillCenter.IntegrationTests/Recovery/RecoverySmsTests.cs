namespace BillCenter.IntegrationTests;

/// <summary>Recovery with the one-time code by text, read back from the fake Twilio, and the alert read back from Twilio and SMTP.</summary>
public abstract class RecoverySmsTests(SmsAppFixture fixture)
{
    private const string OldPassword = "lantern orchard meadow 17";
    private const string NewPassword = "copper kettle harbor 93";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_the_code_by_text_When_the_password_is_reset_Then_the_alert_reaches_the_mobile_and_the_email_on_file()
    {
        var app = await fixture.AppAsync();
        var mobile = $"+1404{Random.Shared.Next(200, 1000)}{Random.Shared.Next(1000, 10000)}";
        var account = await app.OpenAsync(mobile: mobile);
        var (userName, _) = await app.NewCardholderAsync(OldPassword, account);
        var client = app.CreateBrowserLikeClient();

        await ExpectRedirectAsync(client.SubmitFormAsync("/recover", new Dictionary<string, string> { ["Data.Need"] = "Password" }), "/recover/card");
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/card", new Dictionary<string, string>
        {
            ["Data.CardNumber"] = account.CardNumbers[0],
            ["Data.CardId"] = account.CardIdDigits[0]!,
        }), "/recover/send-code");
        var choices = await client.GetStringAsync("/recover/send-code", Cancel);
        Assert.Contains("value=\"Sms\"", choices, StringComparison.Ordinal);
        Assert.DoesNotContain(mobile, choices, StringComparison.Ordinal); // masked
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/send-code", new Dictionary<string, string> { ["Data.Channel"] = "Sms" }), "/recover/code");
        var text = await TextsToAsync(mobile, 1);
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/code", new Dictionary<string, string> { ["Data.Code"] = SecurityCodes.In(text[0].Body) }), "/recover/password");
        await ExpectRedirectAsync(client.SubmitFormAsync("/recover/password", new Dictionary<string, string> { ["Data.Password"] = NewPassword }), "/recover/done");

        var texts = await TextsToAsync(mobile, 2);
        Assert.Contains(texts, t => t.Body?.Contains("The password for your online account was changed", StringComparison.Ordinal) == true);
        var mail = await MailDrop.WaitForAsync(account.Email!);
        Assert.Single(mail, m => m.Subject == "Security alert: your password was changed");
        await app.CreateBrowserLikeClient().SignInOrFailAsync(userName, NewPassword);
    }

    private Task<IReadOnlyList<FakeTwilioRequest>> TextsToAsync(string mobile, int count) =>
        Eventually.MatchAsync(
            () => Task.FromResult<IReadOnlyList<FakeTwilioRequest>>([.. fixture.Twilio.Requests.Where(r => r.To == mobile)]),
            texts => texts.Count >= count,
            texts => $"expected {count} text(s) to {mobile}, got {texts.Count}");

    private static async Task ExpectRedirectAsync(Task<HttpResponseMessage> send, string location)
    {
        var response = await send;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"expected a redirect to {location}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }
}

public sealed class RecoverySmsTestsOnSqlite(SqliteSmsFixture fixture) : RecoverySmsTests(fixture), IClassFixture<SqliteSmsFixture>;

public sealed class RecoverySmsTestsOnPostgres(PostgresSmsFixture fixture) : RecoverySmsTests(fixture), IClassFixture<PostgresSmsFixture>;
