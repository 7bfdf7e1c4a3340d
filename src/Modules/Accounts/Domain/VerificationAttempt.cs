namespace BillCenter.Modules.Accounts.Domain;

/// <summary>
/// One self-service check (card ID or billing address), kept for 24 hours and counted per <see cref="Subject"/>: the
/// card account, so every card of an account shares one count, or — for a card number we do not know — a stand-in
/// derived from the number's fingerprint, so an unknown card costs the same work as a known one. A row is written
/// before the check runs and settled after it: a passing check removes it; a failure or a refusal (locked) stays.
/// Counting in the database means every instance agrees on a lock.
/// </summary>
internal sealed class VerificationAttempt
{
    public long Id { get; set; }

    public Guid Subject { get; set; }

    public DateTime AttemptedAt { get; set; }

    public VerificationAttemptState State { get; set; }
}

internal enum VerificationAttemptState
{
    /// <summary>Recorded; the check is running. Counts against the limit, so parallel guesses cannot get past it.</summary>
    Pending = 0,

    /// <summary>The check ran and failed.</summary>
    Failed = 1,

    /// <summary>Refused without a check (the subject was locked); does not count.</summary>
    Refused = 2,
}
