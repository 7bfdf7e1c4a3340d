using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.StatementRun;

/// <summary>The card that names each account in an alert ("ending 0013"): an active card first, then the primary, then the newest. One query for many accounts.</summary>
internal static class AccountNames
{
    public static async Task<Dictionary<Guid, string>> Last4ByAccountAsync(AccountsDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        (await db.Cards.AsNoTracking().Where(c => ids.Contains(c.CardAccountId))
            .Select(c => new { c.CardAccountId, c.Last4, Active = c.Status == CardStatus.Active, c.IsPrimary, c.IssuedAt })
            .ToListAsync(cancellationToken))
        .GroupBy(c => c.CardAccountId)
        .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Active).ThenByDescending(c => c.IsPrimary).ThenByDescending(c => c.IssuedAt).First().Last4);
}
