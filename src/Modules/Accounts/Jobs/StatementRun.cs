using System.Globalization;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.Modules.Accounts.Features.StatementRun;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Jobs;

/// <summary>
/// The statement run (daily; safe at any hour, twice, or on several instances at once): finds the accounts whose
/// cycle has ended and hands them out as chunk jobs of about <see cref="ChunkSize"/> accounts (ranges of partitions),
/// not one job per account — a Hangfire job costs ~27 transactions on PostgreSQL storage.
/// </summary>
internal sealed class StatementRun(AccountsDbContext db, CycleAssignment assignment, CycleCloser closer, IBackgroundJobClient jobs, TimeProvider time)
{
    public const int ChunkSize = 5000;

    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await assignment.AssignAsync(today, cancellationToken);
        var due = await db.CardAccounts.Where(a => a.NextCycleClose < today)
            .GroupBy(a => a.RunPartition).Select(g => new PartitionCount(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        var asOf = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var (from, to) in Chunks(due, ChunkSize))
        {
            jobs.Enqueue<StatementRun>(run => run.CloseChunkAsync(from, to, asOf, CancellationToken.None));
        }
    }

    /// <summary>Closes the ended cycles (before <paramref name="asOf"/>, yyyy-MM-dd) of the accounts in partitions [from, to).</summary>
    [AutomaticRetry(Attempts = 5)]
    public Task<int> CloseChunkAsync(int fromPartition, int toPartition, string asOf, CancellationToken cancellationToken) =>
        closer.ClosePartitionsAsync(fromPartition, toPartition, DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture), cancellationToken);

    /// <summary>
    /// Partition ranges [from, to) of about <paramref name="size"/> due accounts each, together covering every partition
    /// (so an account falling due while the run counts is still in some chunk); none when nothing is due.
    /// </summary>
    internal static IReadOnlyList<(int From, int To)> Chunks(IReadOnlyCollection<PartitionCount> due, int size)
    {
        var chunks = new List<(int From, int To)>();
        var from = 0;
        var count = 0;
        foreach (var partition in due.Where(p => p.Count > 0).OrderBy(p => p.Partition))
        {
            count += partition.Count;
            if (count >= size)
            {
                chunks.Add((from, partition.Partition + 1));
                from = partition.Partition + 1;
                count = 0;
            }
        }

        if (count > 0 || (chunks.Count > 0 && from < StatementCycle.Partitions))
        {
            if (count == 0)
            {
                from = chunks[^1].From;
                chunks.RemoveAt(chunks.Count - 1);
            }

            chunks.Add((from, StatementCycle.Partitions));
        }

        return chunks;
    }

    internal sealed record PartitionCount(int Partition, int Count);
}
