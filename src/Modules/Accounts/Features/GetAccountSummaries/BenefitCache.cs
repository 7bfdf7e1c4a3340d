using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace BillCenter.Modules.Accounts.Features.GetAccountSummaries;

/// <summary>
/// The benefit catalogue by product, read from the benefits table at most once a minute per instance: it changes
/// only with a migration, and every account summary shows it.
/// </summary>
internal sealed class BenefitCache(IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private static readonly object Key = new();

    public async Task<IReadOnlyDictionary<Product, IReadOnlyList<BenefitSummary>>> GetAsync(AccountsDbContext db, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(Key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            var benefits = await db.Benefits.AsNoTracking().OrderBy(b => b.Id)
                .Select(b => new { b.Product, Summary = new BenefitSummary(b.Title, b.Description) })
                .ToListAsync(cancellationToken);
            return (IReadOnlyDictionary<Product, IReadOnlyList<BenefitSummary>>)benefits
                .GroupBy(b => b.Product)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<BenefitSummary>)[.. g.Select(b => b.Summary)]);
        }) ?? throw new InvalidOperationException("The benefit catalog could not be cached.");
}
