using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.SharedKernel.Money;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.GetAccountSummaries;

/// <summary>
/// Two SQL commands, however many cards: accounts with their cards and last statement in one, the latest
/// transactions of every card in the other. The benefit catalogue comes from <see cref="BenefitCache"/> and product
/// names from <see cref="ProductCatalog"/>, neither from the database per request.
/// </summary>
internal sealed class GetAccountSummariesHandler(AccountsDbContext db, BenefitCache benefitCache)
    : IRequestHandler<Contracts.GetAccountSummaries, IReadOnlyList<AccountSummary>>
{
    public const int LatestTransactionCount = 10;

    public async Task<IReadOnlyList<AccountSummary>> Handle(Contracts.GetAccountSummaries request, CancellationToken cancellationToken)
    {
        var benefits = await benefitCache.GetAsync(db, cancellationToken);
        var accounts = await db.CardAccounts.AsNoTracking()
            .Where(a => db.UserLinks.Any(l => l.UserId == request.UserId && l.CardAccountId == a.Id))
            .OrderBy(a => a.OpenedAt).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.Product,
                a.Nickname,
                a.Balance,
                a.CreditLimit,
                LastStatement = a.Statements.OrderByDescending(s => s.PeriodEnd)
                    .Select(s => new StatementSummary(s.PeriodEnd, s.ClosingBalance, s.MinimumDue, s.DueDate))
                    .FirstOrDefault(),
                Cards = a.Cards.Where(c => c.Status != CardStatus.Replaced)
                    .OrderByDescending(c => c.IsPrimary).ThenBy(c => c.IssuedAt)
                    .Select(c => new { c.Id, c.Last4, c.EmbossedName, c.Status, c.IsPrimary, c.ExpiresOn })
                    .ToList(),
            })
            .AsSingleQuery()
            .ToListAsync(cancellationToken);
        if (accounts.Count == 0)
        {
            return [];
        }

        var latest = await db.Cards.AsNoTracking()
            .Where(c => c.Status != CardStatus.Replaced
                && db.UserLinks.Any(l => l.UserId == request.UserId && l.CardAccountId == c.CardAccountId))
            .Select(c => new
            {
                c.Id,
                Transactions = db.Transactions.Where(t => t.CardId == c.Id)
                    .OrderByDescending(t => t.PostedAt).ThenByDescending(t => t.Id)
                    .Take(LatestTransactionCount)
                    .Select(t => new TransactionSummary(t.PostedAt, t.Description, t.Kind, t.Amount))
                    .ToList(),
            })
            .AsSingleQuery()
            .ToDictionaryAsync(c => c.Id, c => c.Transactions, cancellationToken);

        return [.. accounts.Select(a => new AccountSummary(
            a.Id,
            ProductCatalog.DisplayName(a.Product),
            a.Nickname,
            a.Balance,
            a.CreditLimit,
            Money.Max(Money.Zero, a.CreditLimit - a.Balance),
            a.LastStatement,
            benefits.GetValueOrDefault(a.Product) ?? [],
            [.. a.Cards.Select(c => new CardActivity(c.Id, c.Last4, c.EmbossedName, c.Status, c.IsPrimary, c.ExpiresOn,
                latest.GetValueOrDefault(c.Id) ?? []))]))];
    }
}
