namespace BillCenter.Modules.Notifications.Channels;

/// <summary>One email as the dispatcher hands it to the email channel (bodies already revealed).</summary>
internal sealed record OutgoingEmail(Guid NotificationId, string To, string Subject, string TextBody, string HtmlBody);
