namespace BillCenter.Modules.Notifications.Dispatch;

/// <summary>Notifications:Dispatch settings.</summary>
internal sealed class DispatchOptions
{
    public const string Section = "Notifications:Dispatch";

    /// <summary>Notifications claimed per round trip.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>After this many attempts a notification is Failed (admins can retry it).</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First retry delay; doubles per attempt, capped at one hour.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claim lasts before another dispatcher may take the notification over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>SMS sent at once per batch.</summary>
    public int SmsConcurrency { get; set; } = 16;

    public TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 16));
        var delay = TimeSpan.FromTicks((long)Math.Min(RetryBaseDelay.Ticks * factor, TimeSpan.FromHours(1).Ticks));
        return delay;
    }
}
