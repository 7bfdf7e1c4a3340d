namespace BillCenter.Modules.Notifications.Channels;

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

internal sealed record DeliveryResult(Guid NotificationId, DeliveryOutcome Outcome, string? ProviderMessageId = null, string? Error = null);

internal sealed record OutgoingEmail(Guid NotificationId, string To, string Subject, string TextBody, string HtmlBody);

internal sealed record OutgoingSms(Guid NotificationId, string To, string Body);

/// <summary>Sends a batch of emails (one connection for the whole batch) and says how each went.</summary>
internal interface IEmailChannel
{
    Task<IReadOnlyList<DeliveryResult>> SendBatchAsync(IReadOnlyList<OutgoingEmail> emails, CancellationToken cancellationToken);
}

/// <summary>Sends one SMS and says how it went. Must be safe to call concurrently.</summary>
internal interface ISmsChannel
{
    Task<DeliveryResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken);
}
