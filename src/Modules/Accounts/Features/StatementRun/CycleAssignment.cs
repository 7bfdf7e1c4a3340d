using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.StatementRun;

/// <summary>
/// Gives accounts the statement run has never seen (opened before the run existed) their cycle in progress and their
/// partition, a batch at a time, so the run's "which cycles have ended" is one indexed query.
/// </summary>
internal sealed class CycleAssignment(AccountsDbContext db)
{
    public async Task AssignAsync(DateOnly today, CancellationToken cancellationToken)
    {
        while (true)
        {
            db.ChangeTracker.Clear();
            var accounts = await db.CardAccounts.Where(a => a.NextCycleClose == null).OrderBy(a => a.Id).Take(CycleCloser.BatchSize).ToListAsync(cancellationToken);
            if (accounts.Count == 0)
            {
                return;
            }

            var ids = accounts.ConvertAll(a => a.Id);
            var lastEnds = await db.Statements.Where(s => ids.Contains(s.CardAccountId))
                .GroupBy(s => s.CardAccountId).Select(g => new { g.Key, Last = g.Max(s => s.PeriodEnd) })
                .ToDictionaryAsync(x => x.Key, x => x.Last, cancellationToken);
            foreach (var account in accounts)
            {
                account.RunPartition = StatementCycle.PartitionOf(account.Id);
                account.NextCycleClose = StatementCycle.FirstClose(
                    account.BillingCycleDay, lastEnds.TryGetValue(account.Id, out var last) ? last : null, DateOnly.FromDateTime(account.OpenedAt), today);
                account.Version = Guid.NewGuid();
            }

            await db.SaveChangesAsync(cancellationToken); // a concurrent assignment loses on the version and the job retries
        }
    }
}
