using BillCenter.Modules.Notifications.Channels;
using Microsoft.Extensions.Options;

namespace BillCenter.Modules.Notifications.Email;

/// <summary>The embedded default with no SMTP server: each message becomes &lt;notification id&gt;.eml in the pickup folder.</summary>
internal sealed class PickupFolderEmailChannel(IOptions<SmtpOptions> options, string pickupFolder) : IEmailChannel
{
    public string Folder => pickupFolder;

    public async Task<IReadOnlyList<DeliveryResult>> SendBatchAsync(IReadOnlyList<OutgoingEmail> emails, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(pickupFolder);
        var results = new List<DeliveryResult>(emails.Count);
        foreach (var email in emails)
        {
            var path = Path.Combine(pickupFolder, $"{email.NotificationId:N}.eml");
            await EmailMessages.Build(email, options.Value).WriteToAsync(path, cancellationToken);
            results.Add(new DeliveryResult(email.NotificationId, DeliveryOutcome.Sent, Dispatch.MessageIds.For(email.NotificationId)));
        }

        return results;
    }
}
