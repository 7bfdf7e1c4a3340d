using BillCenter.Modules.Notifications.Contracts;

namespace BillCenter.Modules.Notifications.Domain;

/// <summary>One destination for one message: an email address or an E.164 mobile number.</summary>
internal sealed record Recipient(NotificationChannel Channel, string Destination);
