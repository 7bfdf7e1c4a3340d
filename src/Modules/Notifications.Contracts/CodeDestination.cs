namespace BillCenter.Modules.Notifications.Contracts;

/// <summary>One place a one-time code can go: the channel and the destination, masked.</summary>
public sealed record CodeDestination(NotificationChannel Channel, string Masked);
