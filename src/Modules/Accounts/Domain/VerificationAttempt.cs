namespace BillCenter.Modules.Accounts.Domain;

/// <summary>
/// One self-service check (card ID or billing address) against one card, kept for 24 hours. A row is written
/// before the check runs; a passing check removes it, so what remains counts the failures. Counting in the
/// database means every instance agrees on a card's lock.
/// </summary>
internal sealed class VerificationAttempt
{
    public long Id { get; set; }

    public Guid CardId { get; set; }

    public DateTime AttemptedAt { get; set; }

    /// <summary>False while the check runs; true once it failed (then it is recorded with any lock alert).</summary>
    public bool Failed { get; set; }
}
