namespace BillCenter.Modules.Notifications.Contracts;

public enum NotificationChannel
{
    Email = 1,
    Sms = 2,
}
