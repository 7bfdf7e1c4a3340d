namespace BillCenter.Modules.Notifications.Channels;

/// <summary>Placeholder until the SMS channels land.</summary>
internal sealed class UnconfiguredSms : ISmsChannel
{
    public Task<DeliveryResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken) =>
        Task.FromResult(new DeliveryResult(sms.NotificationId, DeliveryOutcome.TransientFailure, Error: "SMS is not set up"));
}
