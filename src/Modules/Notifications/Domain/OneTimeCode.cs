using BillCenter.Modules.Notifications.Contracts;

namespace BillCenter.Modules.Notifications.Domain;

/// <summary>A one-time code sent to contact details on file. Only its keyed hash is kept.</summary>
internal sealed class OneTimeCode
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Purpose { get; set; } = string.Empty;

    public Guid CardAccountId { get; set; }

    public NotificationChannel Channel { get; set; }

    public string Destination { get; set; } = string.Empty;

    public string CodeHash { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public int FailedAttempts { get; set; }

    public int SendCount { get; set; }

    public DateTime LastSentAt { get; set; }

    /// <summary>When the right code was entered.</summary>
    public DateTime? ConsumedAt { get; set; }

    /// <summary>When the verification was spent on what it allows (an account created): never twice.</summary>
    public DateTime? RedeemedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}
