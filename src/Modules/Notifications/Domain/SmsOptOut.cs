namespace BillCenter.Modules.Notifications.Domain;

/// <summary>A number that told us to stop (Twilio 21610) or is not a mobile number (21211): we email instead.</summary>
internal sealed class SmsOptOut
{
    public string PhoneNumber { get; set; } = string.Empty;

    public DateTime OptedOutAt { get; set; }

    public string Reason { get; set; } = string.Empty;
}
