namespace BillCenter.Modules.Notifications.Domain;

/// <summary>An integration event already turned into notifications (handlers are idempotent by event id).</summary>
internal sealed class ProcessedEvent
{
    public Guid EventId { get; set; }

    public DateTime ProcessedAt { get; set; }
}
