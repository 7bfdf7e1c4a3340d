namespace BillCenter.Modules.Notifications.Channels;

/// <summary>Sends one SMS and says how it went. Must be safe to call concurrently.</summary>
internal interface ISmsChannel
{
    Task<DeliveryResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken);
}
