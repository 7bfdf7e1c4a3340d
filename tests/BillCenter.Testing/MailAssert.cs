using System.Text.RegularExpressions;
using MimeKit;

namespace BillCenter.Testing;

public static class MailAssert
{
    /// <summary>Neither the card number (nor its first 11 digits) is anywhere in the raw message, nor the card ID in its text.</summary>
    public static void NoCardSecrets(MimeMessage message, string cardNumber, string? cardId)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(cardNumber);
        using var raw = new MemoryStream();
        message.WriteTo(raw);
        var mime = System.Text.Encoding.UTF8.GetString(raw.ToArray());
        Assert.DoesNotContain(cardNumber, mime, StringComparison.Ordinal);
        Assert.DoesNotContain(cardNumber[..11], mime, StringComparison.Ordinal);
        if (cardId is not null)
        {
            Assert.DoesNotMatch(new Regex($"\\b{cardId}\\b"), message.TextBody ?? string.Empty);
        }
    }
}
