using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.SharedKernel.Messaging;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.SelfServiceChecks;

/// <summary>
/// At most <see cref="MaxFailures"/> failed self-service checks per card in <see cref="Window"/>. An attempt is
/// recorded (committed) before the check runs and counted after: whichever of several parallel guesses commits
/// last sees all the others, so together they can never get past the limit.
/// </summary>
internal sealed class SelfServiceLockout(AccountsDbContext db, TimeProvider time)
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>Records an attempt on <paramref name="cardId"/>; returns it when the card may still be checked, else null.</summary>
    public async Task<VerificationAttempt?> BeginAsync(Guid cardId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var attempt = new VerificationAttempt { CardId = cardId, AttemptedAt = now };
        db.VerificationAttempts.Add(attempt);
        await db.SaveChangesAsync(cancellationToken);

        var since = now - Window;
        var attempts = await db.VerificationAttempts.CountAsync(a => a.CardId == cardId && a.AttemptedAt > since, cancellationToken);
        if (attempts <= MaxFailures)
        {
            return attempt;
        }

        // Locked: this attempt was never checked, so it is not a failure of its own.
        await RemoveAsync(attempt, cancellationToken);
        return null;
    }

    /// <summary>The check passed: the attempt is not a failure.</summary>
    public Task SucceededAsync(VerificationAttempt attempt, CancellationToken cancellationToken) => RemoveAsync(attempt, cancellationToken);

    /// <summary>
    /// The check failed: the attempt stays and counts. When it is the failure that locks the card, the security
    /// alert is written to the outbox in the same SaveChanges, so the lock and its alert commit together. Its
    /// event id is derived from the window's first attempt: racing failures cannot alert twice.
    /// </summary>
    public async Task<bool> FailedAsync(VerificationAttempt attempt, string last4, Guid cardAccountId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var since = now - Window;
        var window = db.VerificationAttempts.Where(a => a.CardId == attempt.CardId && a.AttemptedAt > since);
        var locked = await window.CountAsync(cancellationToken) == MaxFailures;
        attempt.Failed = true;
        if (locked)
        {
            var first = await window.MinAsync(a => a.Id, cancellationToken);
            db.Publish(new AlertRequested(DeterministicId(attempt.CardId, first), now, AlertType.Security, "card-locked", cardAccountId, null,
                new Dictionary<string, string> { ["Last4"] = last4 }));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (locked)
        {
            // The same lock's alert is already in the outbox (a racing failure wrote it); the failure still counts.
            db.ChangeTracker.Clear();
            await db.VerificationAttempts.Where(a => a.Id == attempt.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Failed, true), cancellationToken);
        }

        return locked;
    }

    /// <summary>
    /// Locks self-service for every card of <paramref name="cardAccountId"/> as <see cref="MaxFailures"/> failed checks
    /// would (for the rest of the window), with the same "card-locked" alert. Idempotent: a card already locked is
    /// left as it is, and racing calls write one alert (its id derives from the window's first attempt).
    /// </summary>
    public async Task LockAsync(Guid cardAccountId, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var since = now - Window;
        var cards = await db.Cards.Where(c => c.CardAccountId == cardAccountId)
            .OrderByDescending(c => c.IsPrimary).ThenBy(c => c.IssuedAt)
            .Select(c => new { c.Id, c.Last4, Attempts = db.VerificationAttempts.Count(a => a.CardId == c.Id && a.AttemptedAt > since) })
            .ToListAsync(cancellationToken);
        var lockedNow = cards.Where(c => c.Attempts < MaxFailures).ToList();
        if (lockedNow.Count == 0)
        {
            return;
        }

        foreach (var card in lockedNow)
        {
            for (var i = card.Attempts; i < MaxFailures; i++)
            {
                db.VerificationAttempts.Add(new VerificationAttempt { CardId = card.Id, AttemptedAt = now, Failed = true });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var first = await db.VerificationAttempts.Where(a => a.CardId == lockedNow[0].Id && a.AttemptedAt > since).MinAsync(a => a.Id, cancellationToken);
        db.Publish(new AlertRequested(DeterministicId(lockedNow[0].Id, first), now, AlertType.Security, "card-locked", cardAccountId, null,
            new Dictionary<string, string> { ["Last4"] = lockedNow[0].Last4 }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A racing lock of the same window already wrote this alert.
            db.ChangeTracker.Clear();
        }
    }

    private static Guid DeterministicId(Guid cardId, long firstAttemptId)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"card-locked:{cardId:N}:{firstAttemptId}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>Work of the same shape as a real check, for a card number we do not know (similar timing).</summary>
    public Task<int> CountForUnknownCardAsync(CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().UtcDateTime - Window;
        return db.VerificationAttempts.CountAsync(a => a.CardId == Guid.Empty && a.AttemptedAt > since, cancellationToken);
    }

    /// <summary>Deletes attempts older than the window (a daily job); they no longer count anyway.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().UtcDateTime - Window;
        return db.VerificationAttempts.Where(a => a.AttemptedAt <= since).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task RemoveAsync(VerificationAttempt attempt, CancellationToken cancellationToken)
    {
        await db.VerificationAttempts.Where(a => a.Id == attempt.Id).ExecuteDeleteAsync(cancellationToken);
        db.Entry(attempt).State = EntityState.Detached;
    }
}
