namespace BillCenter.Modules.Notifications.Dispatch;

/// <summary>Message-Ids for the emails we send.</summary>
internal static class MessageIds
{
    /// <summary>The email Message-Id of a notification: derived from its id, so a resend is recognisable.</summary>
    public static string For(Guid notificationId) => $"{notificationId:N}@notifications.billcenter";
}
