using System.Security.Cryptography;
using System.Text;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.SharedKernel.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BillCenter.Modules.Accounts.Features.SelfServiceChecks;

/// <summary>
/// At most <see cref="MaxFailures"/> failed self-service checks per card account (all its cards together) in
/// <see cref="Window"/>; the fifth locks the account's checks for <see cref="Window"/>. An attempt is recorded
/// (committed) before the check runs and counted after, so parallel guesses can never get past the limit. Every
/// failing check — unknown card, wrong detail, ineligible card, locked — does the same database work.
/// </summary>
internal sealed class SelfServiceLockout(AccountsDbContext db, TimeProvider time, IMediator mediator, ILogger<SelfServiceLockout> logger)
{
    public const int MaxFailures = 5;

    public const string FailedChecksReason = "five failed card checks";

    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>The subject an unknown card number is counted under: derived from its fingerprint, never a real account's id.</summary>
    public static Guid SubjectForUnknownCard(string fingerprint) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"unknown-card:{fingerprint}")).AsSpan(0, 16));

    /// <summary>Records an attempt on <paramref name="subject"/>; <c>MayCheck</c> is false when the subject is locked.</summary>
    public async Task<(VerificationAttempt Attempt, bool MayCheck)> BeginAsync(Guid subject, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var attempt = new VerificationAttempt { Subject = subject, AttemptedAt = now, State = VerificationAttemptState.Pending };
        db.VerificationAttempts.Add(attempt);
        await db.SaveChangesAsync(cancellationToken);

        var since = now - Window;
        var counted = await db.VerificationAttempts
            .CountAsync(a => a.Subject == subject && a.AttemptedAt > since && a.State != VerificationAttemptState.Refused, cancellationToken);
        var locked = await db.SelfServiceLocks.AnyAsync(l => l.Subject == subject && l.LockedUntil > now, cancellationToken);
        return (attempt, counted <= MaxFailures && !locked);
    }

    /// <summary>The check passed: the attempt is not a failure.</summary>
    public async Task SucceededAsync(VerificationAttempt attempt, CancellationToken cancellationToken)
    {
        await db.VerificationAttempts.Where(a => a.Id == attempt.Id).ExecuteDeleteAsync(cancellationToken);
        db.Entry(attempt).State = EntityState.Detached;
    }

    /// <summary>
    /// The check failed (<paramref name="refused"/>: it never ran because the subject is locked). Either way the
    /// attempt is settled and the failures counted, so a refusal costs what a failure costs. Returns true when this
    /// failure moved the subject into locked; <paramref name="alert"/> is who to alert then (null for an unknown card).
    /// </summary>
    public async Task<bool> FailedAsync(VerificationAttempt attempt, bool refused, LockAlert? alert, CancellationToken cancellationToken)
    {
        attempt.State = refused ? VerificationAttemptState.Refused : VerificationAttemptState.Failed;
        await db.SaveChangesAsync(cancellationToken);

        var since = time.GetUtcNow().UtcDateTime - Window;
        var failures = await db.VerificationAttempts
            .CountAsync(a => a.Subject == attempt.Subject && a.AttemptedAt > since && a.State == VerificationAttemptState.Failed, cancellationToken);
        return !refused && failures >= MaxFailures && await TryLockAsync(attempt.Subject, FailedChecksReason, alert, cancellationToken);
    }

    /// <summary>
    /// Locks the self-service checks of <paramref name="cardAccountId"/> for <see cref="Window"/>, as five failed
    /// checks would (e.g. when one-time code limits are exceeded). Alerts the cardholder only if it was not locked already.
    /// </summary>
    public async Task LockAsync(Guid cardAccountId, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await TryLockAsync(cardAccountId, reason, await AlertForAsync(cardAccountId, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Settles an attempt on a card account begun by <see cref="BeginAsync"/> for a check made elsewhere (a security
    /// answer); true when the account is locked now, by this failure or before it.
    /// </summary>
    public async Task<bool> EndAsync(Guid cardAccountId, long attemptId, HolderCheckResult result, CancellationToken cancellationToken)
    {
        var attempt = await db.VerificationAttempts
            .SingleOrDefaultAsync(a => a.Id == attemptId && a.Subject == cardAccountId && a.State == VerificationAttemptState.Pending, cancellationToken)
            ?? throw new InvalidOperationException($"No pending check {attemptId} of card account {cardAccountId}.");
        if (result == HolderCheckResult.Passed)
        {
            await SucceededAsync(attempt, cancellationToken);
            return false;
        }

        var refused = result == HolderCheckResult.NotChecked;
        var lockedNow = await FailedAsync(attempt, refused, await AlertForAsync(cardAccountId, cancellationToken), cancellationToken);
        return refused || lockedNow;
    }

    /// <summary>Deletes attempts older than the window and expired locks (a daily job); they no longer count anyway.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var since = now - Window;
        var attempts = await db.VerificationAttempts.Where(a => a.AttemptedAt <= since).ExecuteDeleteAsync(cancellationToken);
        var locks = await db.SelfServiceLocks.Where(l => l.LockedUntil <= now).ExecuteDeleteAsync(cancellationToken);
        return attempts + locks;
    }

    /// <summary>
    /// Moves <paramref name="subject"/> into locked: renews its expired lock row or inserts a new one, with the alert
    /// in the same transaction. A racing request that got there first leaves the update matching nothing and the
    /// insert violating the key, so exactly one request makes the transition and alerts.
    /// </summary>
    private async Task<bool> TryLockAsync(Guid subject, string reason, LockAlert? alert, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + Window;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var renewed = await db.SelfServiceLocks.Where(l => l.Subject == subject && l.LockedUntil <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.LockedAt, now).SetProperty(l => l.LockedUntil, until), cancellationToken);
            if (renewed == 0)
            {
                db.SelfServiceLocks.Add(new SelfServiceLock { Subject = subject, LockedAt = now, LockedUntil = until });
            }

            if (alert is not null)
            {
                db.Publish(new AlertRequested(LockEventId(subject, now), now, AlertType.Security, "card-locked", alert.CardAccountId, null,
                    new Dictionary<string, string> { ["Last4"] = alert.Last4 }));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Already locked: another request made the transition (and alerted).
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return false;
            }
        }

        if (alert is not null)
        {
            logger.LogWarning("Self-service checks of card account {CardAccountId} locked: {Reason}", alert.CardAccountId, reason);
            await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.CardSelfServiceLocked, CardAccountId: alert.CardAccountId, Detail: reason), cancellationToken);
        }

        return true;
    }

    /// <summary>Who to alert about a lock of the account: the last four digits of its primary (else newest) card.</summary>
    private async Task<LockAlert?> AlertForAsync(Guid cardAccountId, CancellationToken cancellationToken)
    {
        var last4 = await db.Cards.Where(c => c.CardAccountId == cardAccountId)
            .OrderByDescending(c => c.IsPrimary).ThenByDescending(c => c.IssuedAt)
            .Select(c => c.Last4)
            .FirstOrDefaultAsync(cancellationToken);
        return last4 is null ? null : new LockAlert(cardAccountId, last4);
    }

    private static Guid LockEventId(Guid subject, DateTime lockedAt) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"card-locked:{subject:N}:{lockedAt.Ticks}")).AsSpan(0, 16));
}

/// <summary>Who to alert when a check locks a card account: the account and the last four digits of the card checked.</summary>
internal sealed record LockAlert(Guid CardAccountId, string Last4);
