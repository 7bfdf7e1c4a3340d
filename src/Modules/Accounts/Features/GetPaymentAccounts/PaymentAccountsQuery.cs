using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.Modules.Accounts.Features.StatementRun;
using BillCenter.SharedKernel.Money;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.GetPaymentAccounts;

/// <summary>What paying needs of the accounts a query selects, for both ways of asking: three set-based queries (accounts with their last statement, payments since, names), whatever the number of accounts.</summary>
internal static class PaymentAccountsQuery
{
    public static async Task<IReadOnlyList<PaymentAccount>> LoadAsync(AccountsDbContext db, IQueryable<CardAccount> accounts, CancellationToken cancellationToken)
    {
        var rows = await accounts.AsNoTracking()
            .OrderBy(a => a.OpenedAt).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.Product,
                a.Nickname,
                a.Balance,
                Statement = db.Statements.Where(s => s.CardAccountId == a.Id).OrderByDescending(s => s.PeriodEnd)
                    .Select(s => new { s.Id, s.Number, s.PeriodEnd, s.ClosingBalance, s.MinimumDue, s.DueDate })
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToList();
        var earliestClose = rows.Where(r => r.Statement is not null).Select(r => StatementCycle.EndExclusive(r.Statement!.PeriodEnd)).DefaultIfEmpty(DateTime.MaxValue).Min();
        // Payment entries since the earliest close of these accounts, summed per account after its own close below.
        List<PaymentEntry> payments = earliestClose == DateTime.MaxValue
            ? []
            : await db.Transactions.AsNoTracking()
                .Where(t => ids.Contains(t.CardAccountId) && t.Kind == TransactionKind.Payment && t.PostedAt >= earliestClose)
                .Select(t => new PaymentEntry(t.CardAccountId, t.PostedAt, t.Amount))
                .ToListAsync(cancellationToken);
        var names = await AccountNames.Last4ByAccountAsync(db, ids, cancellationToken);

        return [.. rows.Select(r =>
        {
            PaymentStatement? statement = null;
            if (r.Statement is { } s)
            {
                var since = StatementCycle.EndExclusive(s.PeriodEnd);
                var paid = -payments.Where(p => p.CardAccountId == r.Id && p.PostedAt >= since).Aggregate(Money.Zero, (sum, p) => sum + p.Amount);
                statement = new PaymentStatement(s.Id, s.Number, s.PeriodEnd, s.ClosingBalance, s.MinimumDue, s.DueDate, paid);
            }

            return new PaymentAccount(r.Id, ProductCatalog.DisplayName(r.Product), r.Nickname, names.GetValueOrDefault(r.Id) ?? string.Empty, r.Balance, statement);
        })];
    }

    private sealed record PaymentEntry(Guid CardAccountId, DateTime PostedAt, Money Amount);
}
