using BillCenter.Modules.Notifications.Contracts;

namespace BillCenter.Modules.Notifications.Domain;

/// <summary>One message to one destination: the durable record of what we send, how it went and why.</summary>
internal sealed class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid? CardAccountId { get; set; }

    public string? UserId { get; set; }

    public AlertType Type { get; set; }

    /// <summary>Template name, e.g. "card-locked"; "one-time-code" for codes.</summary>
    public string Template { get; set; } = string.Empty;

    public NotificationChannel Channel { get; set; }

    /// <summary>Email address or E.164 number.</summary>
    public string Destination { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string TextBody { get; set; } = string.Empty;

    public string? HtmlBody { get; set; }

    public bool IsOneTimeCode { get; set; }

    public NotificationStatus Status { get; set; } = NotificationStatus.Pending;

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>Email: the Message-Id we set; SMS: Twilio's message SID.</summary>
    public string? ProviderMessageId { get; set; }

    /// <summary>The integration event that caused it, if any.</summary>
    public Guid? EventId { get; set; }

    /// <summary>Which dispatcher holds the lease (set with the status in one conditional UPDATE).</summary>
    public Guid? ClaimToken { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public DateTime? LeaseExpiresAt { get; set; }

    public DateTime? SentAt { get; set; }

    public DateTime? DeliveredAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Concurrency token: two writers never both move a record on.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}
