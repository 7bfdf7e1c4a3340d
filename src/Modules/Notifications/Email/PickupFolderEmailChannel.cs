using BillCenter.Modules.Notifications.Channels;
using Microsoft.Extensions.Options;

namespace BillCenter.Modules.Notifications.Email;

/// <summary>
/// The embedded default with no SMTP server: each message becomes &lt;notification id&gt;.eml in the pickup folder.
/// A message is written in full under a temporary name (<see cref="TemporaryExtension"/>, never *.eml) in the same
/// folder and then renamed into place, so whoever reads *.eml files never sees half a message.
/// </summary>
internal sealed class PickupFolderEmailChannel(IOptions<SmtpOptions> options, string pickupFolder) : IEmailChannel
{
    public const string MessageExtension = ".eml";

    public const string TemporaryExtension = ".tmp";

    public string Folder => pickupFolder;

    public async Task<IReadOnlyList<DeliveryResult>> SendBatchAsync(IReadOnlyList<OutgoingEmail> emails, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(pickupFolder);
        var results = new List<DeliveryResult>(emails.Count);
        foreach (var email in emails)
        {
            await WriteAsync(email, cancellationToken);
            results.Add(new DeliveryResult(email.NotificationId, DeliveryOutcome.Sent, Dispatch.MessageIds.For(email.NotificationId)));
        }

        return results;
    }

    /// <summary>The temporary name a message is written under before it is renamed to <c>&lt;id&gt;.eml</c>.</summary>
    public static string TemporaryName(Guid notificationId, Guid attempt) => $"{notificationId:N}.{attempt:N}{TemporaryExtension}";

    private async Task WriteAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var path = Path.Combine(pickupFolder, $"{email.NotificationId:N}{MessageExtension}");
        var temporary = Path.Combine(pickupFolder, TemporaryName(email.NotificationId, Guid.NewGuid()));
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await EmailMessages.Build(email, options.Value).WriteToAsync(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }

            // rename(2) within one folder is atomic: readers see the old state or the whole message.
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
