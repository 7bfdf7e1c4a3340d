using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.Modules.Accounts.Features.PostingFiles;
using Hangfire;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BillCenter.Modules.Accounts.Jobs;

/// <summary>
/// Posts the rows of an uploaded posting file to the ledger through <see cref="Contracts.PostCardTransaction"/> (so
/// alerts and the statement run see them), <see cref="BatchSize"/> rows per transaction: a batch's entries, its rows
/// marked done and the upload's counts commit together, so a crash loses no more than the batch in hand and a run that
/// starts again picks up where the last left off. A reference already on the ledger is skipped. Once every row is done
/// the rows are deleted (the file's data is not kept) and the upload is marked posted.
/// </summary>
internal sealed partial class PostUpload(IServiceScopeFactory scopes, TimeProvider time, ILogger<PostUpload> logger)
{
    public const int BatchSize = 500;

    /// <summary>How many times a batch is run again after another run posted one of its references first.</summary>
    private const int MaxConflicts = 3;

    [AutomaticRetry(Attempts = 5)]
    [DisableConcurrentExecution(timeoutInSeconds: 10 * 60)]
    public async Task RunAsync(Guid uploadId, CancellationToken cancellationToken)
    {
        var conflicts = 0;
        while (true)
        {
            try
            {
                if (!await PostBatchAsync(uploadId, cancellationToken))
                {
                    return;
                }
            }
            catch (DbUpdateException) when (++conflicts <= MaxConflicts)
            {
                // Another run posted one of these references first (the unique index said so) and the batch rolled
                // back: run it again in a fresh context, whose check now sees those entries on the ledger.
                LogBatchRetried(uploadId, conflicts);
            }
        }
    }

    /// <summary>Posts the next batch of rows; false once the upload is posted (or gone).</summary>
    public async Task<bool> PostBatchAsync(Guid uploadId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var upload = await db.PostingUploads.SingleOrDefaultAsync(u => u.Id == uploadId, cancellationToken);
        if (upload is null || upload.Status == PostingUploadStatus.Posted)
        {
            return false;
        }

        var rows = await db.PostingUploadRows
            .Where(r => r.UploadId == uploadId && !r.Done)
            .OrderBy(r => r.LineNumber)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            await db.PostingUploadRows.Where(r => r.UploadId == uploadId).ExecuteDeleteAsync(cancellationToken);
            upload.Status = PostingUploadStatus.Posted;
            upload.CompletedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogUploadPosted(uploadId, upload.PostedCount, upload.SkippedCount);
            return false;
        }

        upload.Status = PostingUploadStatus.Posting;
        var references = rows.Select(r => r.Reference).ToList();
        var onLedger = (await db.Transactions
            .Where(t => t.Reference != null && references.Contains(t.Reference))
            .Select(t => t.Reference!)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var fingerprints = rows.Select(r => r.CardFingerprint).Distinct(StringComparer.Ordinal).ToList();
        var cards = await db.Cards.AsNoTracking()
            .Where(c => fingerprints.Contains(c.Fingerprint))
            .Select(c => new { c.Fingerprint, c.Id, c.CardAccountId })
            .ToDictionaryAsync(c => c.Fingerprint, StringComparer.Ordinal, cancellationToken);

        foreach (var row in rows)
        {
            if (onLedger.Contains(row.Reference))
            {
                upload.SkippedCount++;
            }
            else if (!cards.TryGetValue(row.CardFingerprint, out var card))
            {
                // The card was known when the file was checked; it cannot have gone since, but if it has, the row is not posted.
                LogCardGone(uploadId, row.LineNumber);
                upload.SkippedCount++;
            }
            else
            {
                await mediator.Send(
                    new Contracts.PostCardTransaction(card.CardAccountId, card.Id, PostingLine.PostedAtOf(row.PostedOn), row.Description, PostingLine.KindOf(row.Amount), row.Amount, row.Reference, row.MerchantCategory),
                    cancellationToken);
                upload.PostedCount++;
            }

            row.Done = true;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Posting upload {UploadId}: a batch met a reference posted by another run; running it again (conflict {Conflict})")]
    private partial void LogBatchRetried(Guid uploadId, int conflict);

    [LoggerMessage(Level = LogLevel.Information, Message = "Posting upload {UploadId} posted: {Posted} entries posted, {Skipped} already on the ledger")]
    private partial void LogUploadPosted(Guid uploadId, int posted, int skipped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting upload {UploadId}: the card of line {Line} is no longer on file; the line was skipped")]
    private partial void LogCardGone(Guid uploadId, int line);
}
