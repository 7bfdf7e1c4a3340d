namespace BillCenter.Modules.Notifications.Channels;

/// <summary>One SMS as the dispatcher hands it to the SMS channel (body already revealed).</summary>
internal sealed record OutgoingSms(Guid NotificationId, string To, string Body);
