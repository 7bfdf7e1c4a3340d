namespace BillCenter.Modules.Notifications.Channels;

/// <summary>Sends a batch of emails (one connection for the whole batch) and says how each went.</summary>
internal interface IEmailChannel
{
    Task<IReadOnlyList<DeliveryResult>> SendBatchAsync(IReadOnlyList<OutgoingEmail> emails, CancellationToken cancellationToken);
}
