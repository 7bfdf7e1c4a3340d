namespace BillCenter.Modules.Notifications.Channels;

/// <summary>What a channel made of one message.</summary>
internal enum DeliveryOutcome
{
    /// <summary>The provider accepted the message.</summary>
    Sent = 1,

    /// <summary>Try again later (timeouts, 429, 5xx, SMTP 4xx).</summary>
    TransientFailure = 2,

    /// <summary>Will never work for this message (bad request, SMTP 5xx).</summary>
    PermanentFailure = 3,

    /// <summary>The recipient replied STOP (Twilio 21610): never text this number again; email instead.</summary>
    RecipientOptedOut = 4,

    /// <summary>Not a valid mobile number (Twilio 21211): email instead.</summary>
    InvalidRecipient = 5,
}
