using System.Globalization;
using System.Text;
using BillCenter.Modules.Notifications.Channels;

namespace BillCenter.Modules.Notifications.Sms;

/// <summary>
/// The SMS "provider" when Twilio is not configured: one line per text in sms.log in the data folder
/// (UTC time, notification id, To, Body, tab-separated), so a developer can read the codes the app sends.
/// </summary>
internal sealed class SmsLogChannel(string logFile, TimeProvider timeProvider) : ISmsChannel, IDisposable
{
    public const string FileName = "sms.log";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly SemaphoreSlim _gate = new(1, 1);

    public string LogFile => logFile;

    public async Task<DeliveryResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        var line = string.Join(
            '\t',
            timeProvider.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            sms.NotificationId.ToString(),
            OneLine(sms.To),
            OneLine(sms.Body)) + "\n";

        await _gate.WaitAsync(cancellationToken);
        try
        {
            await File.AppendAllTextAsync(logFile, line, Utf8, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        return new DeliveryResult(sms.NotificationId, DeliveryOutcome.Sent, $"log-{sms.NotificationId}");
    }

    public void Dispose() => _gate.Dispose();

    // A body with a line break or tab must not look like a second entry or another column.
    private static string OneLine(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\t", "\\t", StringComparison.Ordinal);
}
