namespace BillCenter.Modules.Notifications.Channels;

/// <summary>How sending one notification went, as a channel reports it.</summary>
internal sealed record DeliveryResult(Guid NotificationId, DeliveryOutcome Outcome, string? ProviderMessageId = null, string? Error = null);
