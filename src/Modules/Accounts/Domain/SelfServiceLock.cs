namespace BillCenter.Modules.Accounts.Domain;

/// <summary>
/// Self-service checks of one subject (a card account, or the stand-in of an unknown card number) refused until
/// <see cref="LockedUntil"/>. One row per subject: taking the lock is an update of an expired row or the insert of
/// a new one, so of several racing requests exactly one moves the subject into locked (and alerts).
/// </summary>
internal sealed class SelfServiceLock
{
    public Guid Subject { get; set; }

    public DateTime LockedAt { get; set; }

    public DateTime LockedUntil { get; set; }
}
