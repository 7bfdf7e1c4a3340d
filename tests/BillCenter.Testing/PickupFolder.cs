using MimeKit;

namespace BillCenter.Testing;

/// <summary>
/// Reads the mail the embedded default writes to &lt;data folder&gt;/mail-pickup. Only whole messages are read:
/// files named *.eml, which the app renames into place once written; its temporary files are never opened.
/// </summary>
public static class PickupFolder
{
    public const string FolderName = "mail-pickup";

    /// <summary>The pickup folder of an app.</summary>
    public static string Of(BillCenterApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return Path.Combine(app.DataFolder, FolderName);
    }

    /// <summary>True for a finished message (&lt;id&gt;.eml), false for anything else, such as a message still being written.</summary>
    public static bool IsMessageFile(string path) => string.Equals(Path.GetExtension(path), ".eml", StringComparison.Ordinal);

    /// <summary>The finished message files in <paramref name="folder"/> (none when it does not exist yet).</summary>
    public static IReadOnlyList<string> MessageFiles(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder).Where(IsMessageFile).Order(StringComparer.Ordinal).ToList() : [];

    /// <summary>Every message in <paramref name="folder"/> to <paramref name="recipient"/> so far.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> MessagesToAsync(string folder, string recipient)
    {
        var messages = new List<MimeMessage>();
        foreach (var file in MessageFiles(folder))
        {
            var message = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, recipient, StringComparison.OrdinalIgnoreCase)))
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    /// <summary>Waits until <paramref name="count"/> messages to <paramref name="recipient"/> are in <paramref name="folder"/>.</summary>
    public static Task<IReadOnlyList<MimeMessage>> WaitForAsync(string folder, string recipient, int count = 1, TimeSpan? timeout = null) =>
        Eventually.MatchAsync(
            () => MessagesToAsync(folder, recipient),
            messages => messages.Count >= count,
            messages => $"expected {count} message(s) to {recipient} in the pickup folder, got {messages.Count}",
            timeout);
}
