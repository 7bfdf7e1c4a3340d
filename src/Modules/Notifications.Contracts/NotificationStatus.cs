namespace BillCenter.Modules.Notifications.Contracts;

/// <summary>Where a notification stands on its way to the cardholder.</summary>
public enum NotificationStatus
{
    /// <summary>Waiting to be sent (new, or due for a retry at its next attempt time).</summary>
    Pending = 1,

    /// <summary>Claimed by a dispatcher until its lease expires.</summary>
    Sending = 2,

    /// <summary>Accepted by the SMTP server or Twilio.</summary>
    Sent = 3,

    /// <summary>Twilio reported the SMS delivered.</summary>
    Delivered = 4,

    /// <summary>Gave up after the maximum attempts, or the provider reported a failure. Admins can retry.</summary>
    Failed = 5,

    /// <summary>Can never be delivered to this destination (invalid number, recipient opted out).</summary>
    Undeliverable = 6,
}
