namespace BillCenter.Modules.Notifications.Sms;

/// <summary>The Twilio account SMS goes out through (config section "Twilio"). Not configured: texts go to sms.log.</summary>
internal sealed class TwilioOptions
{
    public const string Section = "Twilio";

    public string AccountSid { get; set; } = string.Empty;

    public string AuthToken { get; set; } = string.Empty;

    /// <summary>Our sending number (E.164). Either this or <see cref="MessagingServiceSid"/>.</summary>
    public string From { get; set; } = string.Empty;

    public string MessagingServiceSid { get; set; } = string.Empty;

    public string BaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>Where Twilio reports delivery (our /webhooks/twilio/status, as the internet reaches it); also the URL its signature covers.</summary>
    public string StatusCallbackUrl { get; set; } = string.Empty;

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(AccountSid) &&
        !string.IsNullOrWhiteSpace(AuthToken) &&
        (!string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(MessagingServiceSid));
}
