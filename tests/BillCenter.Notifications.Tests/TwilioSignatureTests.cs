using BillCenter.Modules.Notifications.Sms;

namespace BillCenter.Notifications.Tests;

/// <summary>The webhook's X-Twilio-Signature check (the Twilio SDK's RequestValidator) on Twilio's published example.</summary>
public sealed class TwilioSignatureTests
{
    // Twilio's published example (docs: "Validating requests are coming from Twilio").
    private const string AuthToken = "12345";
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string ExpectedSignature = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    private static Dictionary<string, string> Parameters() => new(StringComparer.Ordinal)
    {
        ["CallSid"] = "CA1234567890ABCDE",
        ["Caller"] = "+14158675309",
        ["Digits"] = "1234",
        ["From"] = "+14158675309",
        ["To"] = "+18005551212",
    };

    [Fact]
    public void Given_Twilio_s_example_request_Then_the_published_signature_is_valid_and_the_fake_signs_it_the_same()
    {
        Assert.True(TwilioStatusWebhook.IsSignedByTwilio(AuthToken, Url, Parameters(), ExpectedSignature));
        Assert.Equal(ExpectedSignature, FakeTwilio.SignCallback(AuthToken, Url, Parameters()));
    }

    [Fact]
    public void Given_the_parameters_in_another_order_Then_the_signature_is_the_same()
    {
        var reversed = new Dictionary<string, string>(Parameters().Reverse(), StringComparer.Ordinal);

        Assert.True(TwilioStatusWebhook.IsSignedByTwilio(AuthToken, Url, reversed, ExpectedSignature));
    }

    [Fact]
    public void Given_a_changed_parameter_Then_the_signature_does_not_match()
    {
        var changed = Parameters();
        changed["Digits"] = "1235";

        Assert.False(TwilioStatusWebhook.IsSignedByTwilio(AuthToken, Url, changed, ExpectedSignature));
    }

    [Fact]
    public void Given_an_added_parameter_Then_the_signature_does_not_match()
    {
        var added = Parameters();
        added["MessageStatus"] = "delivered";

        Assert.False(TwilioStatusWebhook.IsSignedByTwilio(AuthToken, Url, added, ExpectedSignature));
    }

    [Theory]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=3")]
    [InlineData("http://mycompany.com/myapp.php?foo=1&bar=2")]
    [InlineData("https://evil.example/myapp.php?foo=1&bar=2")]
    public void Given_another_URL_Then_the_signature_does_not_match(string url) =>
        Assert.False(TwilioStatusWebhook.IsSignedByTwilio(AuthToken, url, Parameters(), ExpectedSignature));

    [Fact]
    public void Given_another_auth_token_Then_the_signature_does_not_match() =>
        Assert.False(TwilioStatusWebhook.IsSignedByTwilio("54321", Url, Parameters(), ExpectedSignature));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not base64!")]
    [InlineData("RSOYDt4T1cUTdK1PDd93")]
    public void Given_a_missing_or_malformed_signature_Then_it_does_not_match(string? signature) =>
        Assert.False(TwilioStatusWebhook.IsSignedByTwilio(AuthToken, Url, Parameters(), signature));

    [Fact]
    public void Given_no_auth_token_configured_Then_nothing_is_valid() =>
        Assert.False(TwilioStatusWebhook.IsSignedByTwilio(string.Empty, Url, Parameters(), ExpectedSignature));
}
