using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Notifications.Data;
using BillCenter.SharedKernel.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Notifications.Domain;

/// <summary>
/// Per card account and per destination, in any rolling <see cref="Window"/>: at most <see cref="MaxIssued"/> codes
/// issued (sends and resends) and at most <see cref="MaxWrongEntries"/> wrong entries across all codes. Past either,
/// the card's self-service is locked (as five wrong card IDs lock it). Each issue or entry is recorded (committed)
/// before it is counted: whichever of several parallel requests commits last sees all the others.
/// </summary>
internal sealed class OneTimeCodeLimits(NotificationsDbContext db, KeyedHasher hasher, IMediator mediator, TimeProvider time)
{
    public const int MaxIssued = 5;
    public const int MaxWrongEntries = 10;
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>What the cardholder reads once the limits are reached (never how many tries are left).</summary>
    public const string LockedMessage =
        "For your security, we cannot send or check codes for this card now. Call the number on the back of your card for help";

    /// <summary>Records a code about to be issued; false (and the card locked) when that is past the limit.</summary>
    public async Task<bool> TryIssueAsync(Guid cardAccountId, string destination, CancellationToken cancellationToken)
    {
        var entry = await RecordAsync(cardAccountId, destination, OneTimeCodeLimitKind.Issued, cancellationToken);
        if (await CountAsync(entry, cancellationToken) <= MaxIssued)
        {
            return true;
        }

        // Refused: this code was never issued, so it does not count.
        await RemoveAsync(entry, cancellationToken);
        await LockAsync(cardAccountId, "too many one-time codes asked for", cancellationToken);
        return false;
    }

    /// <summary>
    /// Records an entry about to be checked (as wrong until it proves right); null (and the card locked) when past the
    /// limit. A refused entry stays recorded: of many entries racing, every one may see the others and be refused, and
    /// had they been removed the day's count would drop back under the limit and the next entry would be checked. Kept,
    /// they hold the limit reached for the rest of the window, whatever the interleaving.
    /// </summary>
    public async Task<OneTimeCodeLimitEntry?> BeginEntryAsync(Guid cardAccountId, string destination, CancellationToken cancellationToken)
    {
        var entry = await RecordAsync(cardAccountId, destination, OneTimeCodeLimitKind.WrongEntry, cancellationToken);
        if (await CountAsync(entry, cancellationToken) <= MaxWrongEntries)
        {
            return entry;
        }

        await LockAsync(cardAccountId, "too many wrong one-time codes", cancellationToken);
        return null;
    }

    /// <summary>The entry was right: it is not a wrong entry.</summary>
    public Task RightAsync(OneTimeCodeLimitEntry entry, CancellationToken cancellationToken) => RemoveAsync(entry, cancellationToken);

    /// <summary>The entry was wrong: it stays and counts; true when it is the one that reaches the limit (the card is then locked).</summary>
    public async Task<bool> WrongAsync(OneTimeCodeLimitEntry entry, CancellationToken cancellationToken)
    {
        if (await CountAsync(entry, cancellationToken) < MaxWrongEntries)
        {
            return false;
        }

        await LockAsync(entry.CardAccountId, "too many wrong one-time codes", cancellationToken);
        return true;
    }

    /// <summary>Deletes entries older than the window (a daily job); they no longer count anyway.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().UtcDateTime - Window;
        return db.OneTimeCodeLimitEntries.Where(e => e.At <= since).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<OneTimeCodeLimitEntry> RecordAsync(Guid cardAccountId, string destination, OneTimeCodeLimitKind kind, CancellationToken cancellationToken)
    {
        var entry = new OneTimeCodeLimitEntry
        {
            CardAccountId = cardAccountId,
            DestinationKey = hasher.Hash("one-time-code-destination", destination.ToUpperInvariant()),
            Kind = kind,
            At = time.GetUtcNow().UtcDateTime,
        };
        db.OneTimeCodeLimitEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(entry).State = EntityState.Detached;
        return entry;
    }

    private async Task<int> CountAsync(OneTimeCodeLimitEntry entry, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().UtcDateTime - Window;
        var window = db.OneTimeCodeLimitEntries.Where(e => e.Kind == entry.Kind && e.At > since);
        var forAccount = await window.CountAsync(e => e.CardAccountId == entry.CardAccountId, cancellationToken);
        var forDestination = await window.CountAsync(e => e.DestinationKey == entry.DestinationKey, cancellationToken);
        return Math.Max(forAccount, forDestination);
    }

    private Task RemoveAsync(OneTimeCodeLimitEntry entry, CancellationToken cancellationToken) =>
        db.OneTimeCodeLimitEntries.Where(e => e.Id == entry.Id).ExecuteDeleteAsync(cancellationToken);

    // Every refusal past the limit locks again (idempotent), so a lock lost to a crash is made at the next request.
    private Task LockAsync(Guid cardAccountId, string reason, CancellationToken cancellationToken) =>
        mediator.Send(new LockCardSelfService(cardAccountId, reason), cancellationToken);
}
