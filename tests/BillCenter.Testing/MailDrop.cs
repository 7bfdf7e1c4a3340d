using MimeKit;

namespace BillCenter.Testing;

/// <summary>Reads what the real SMTP server started by scripts/test.sh received (a Maildir: one file per message).</summary>
public static class MailDrop
{
    public static void Require()
    {
        Assert.SkipWhen(TestServices.SmtpHost is null || TestServices.SmtpPort is null || TestServices.MailDirectory is null,
            "The SMTP server is not available: set BILLCENTER_TEST_SMTP_HOST, _PORT and _MAILDIR (scripts/test.sh does).");
    }

    /// <summary>The settings that point the app at the test SMTP server.</summary>
    public static Dictionary<string, string?> SmtpSettings() => new()
    {
        ["Smtp:Host"] = TestServices.SmtpHost,
        ["Smtp:Port"] = TestServices.SmtpPort?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:From"] = "BillCenter <alerts@billcenter.test>",
    };

    /// <summary>Every message delivered so far to <paramref name="recipient"/>.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> MessagesToAsync(string recipient)
    {
        var folder = Path.Combine(TestServices.MailDirectory!, "new");
        var messages = new List<MimeMessage>();
        if (!Directory.Exists(folder))
        {
            return messages;
        }

        foreach (var file in Directory.GetFiles(folder))
        {
            var message = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, recipient, StringComparison.OrdinalIgnoreCase)))
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    /// <summary>
    /// Waits until a message with <paramref name="subject"/> reached <paramref name="recipient"/> and returns it; fails if
    /// there are two. Other mail to the same address (a new-sign-in alert, say) may come before or after it.
    /// </summary>
    public static async Task<MimeMessage> WaitForSubjectAsync(string recipient, string subject, TimeSpan? timeout = null)
    {
        var messages = await Eventually.MatchAsync(
            () => MessagesToAsync(recipient),
            all => all.Any(m => m.Subject == subject),
            all => $"no message \"{subject}\" to {recipient} among its {all.Count}: {string.Join("; ", all.Select(m => m.Subject))}",
            timeout);
        return Assert.Single(messages, m => m.Subject == subject);
    }

    /// <summary>Waits until <paramref name="count"/> messages reached <paramref name="recipient"/> (fails after the timeout).</summary>
    public static Task<IReadOnlyList<MimeMessage>> WaitForAsync(string recipient, int count = 1, TimeSpan? timeout = null) =>
        Eventually.MatchAsync(
            () => MessagesToAsync(recipient),
            messages => messages.Count >= count,
            messages => $"expected {count} message(s) to {recipient}, got {messages.Count}",
            timeout);
}
