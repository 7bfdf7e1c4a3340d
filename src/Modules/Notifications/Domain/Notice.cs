using BillCenter.Modules.Notifications.Contracts;

namespace BillCenter.Modules.Notifications.Domain;

/// <summary>
/// One alert as the cardholder sees it at /notices: one row per alert event (not per channel or destination), kept
/// whether or not any message was sent, so an alert turned off everywhere still shows here. Never a one-time code.
/// </summary>
internal sealed class Notice
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The online user it is for.</summary>
    public string UserId { get; set; } = string.Empty;

    public Guid? CardAccountId { get; set; }

    public AlertType Type { get; set; }

    /// <summary>Template name, e.g. "card-activated".</summary>
    public string Template { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    /// <summary>The alert's words in plain text, as the email's text part says them.</summary>
    public string TextBody { get; set; } = string.Empty;

    /// <summary>The integration event that caused it, if any.</summary>
    public Guid? EventId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the cardholder first saw it on /notices; null while it is new.</summary>
    public DateTime? ReadAt { get; set; }
}
