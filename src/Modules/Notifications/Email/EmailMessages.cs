using BillCenter.Modules.Notifications.Channels;
using BillCenter.Modules.Notifications.Dispatch;
using MimeKit;

namespace BillCenter.Modules.Notifications.Email;

internal static class EmailMessages
{
    /// <summary>multipart/alternative: plain text first, accessible HTML second; Message-Id from the notification id.</summary>
    public static MimeMessage Build(OutgoingEmail email, SmtpOptions options)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        message.MessageId = MessageIds.For(email.NotificationId);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody();
        return message;
    }
}
