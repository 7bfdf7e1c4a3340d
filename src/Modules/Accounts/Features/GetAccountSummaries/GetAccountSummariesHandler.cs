using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.GetAccountSummaries;

/// <summary>
/// One round trip for accounts, cards, last statements and benefits, and one for the latest transactions of
/// every card — however many cards the cardholder has.
/// </summary>
internal sealed class GetAccountSummariesHandler(AccountsDbContext db) : IRequestHandler<Contracts.GetAccountSummaries, IReadOnlyList<AccountSummary>>
{
    public const int LatestTransactionCount = 10;

    public async Task<IReadOnlyList<AccountSummary>> Handle(Contracts.GetAccountSummaries request, CancellationToken cancellationToken)
    {
        var accounts = await db.CardAccounts.AsNoTracking()
            .Where(a => db.UserLinks.Any(l => l.UserId == request.UserId && l.CardAccountId == a.Id))
            .OrderBy(a => a.OpenedAt)
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
                Benefits = db.Benefits.Where(b => b.Product == a.Product).OrderBy(b => b.Id)
                    .Select(b => new BenefitSummary(b.Title, b.Description)).ToList(),
                Cards = a.Cards.Where(c => c.Status != CardStatus.Replaced)
                    .OrderByDescending(c => c.IsPrimary).ThenBy(c => c.IssuedAt)
                    .Select(c => new { c.Id, c.Last4, c.EmbossedName, c.Status, c.IsPrimary, c.ExpiresOn })
                    .ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var cardIds = accounts.SelectMany(a => a.Cards).Select(c => c.Id).ToList();
        var latest = await db.Cards.AsNoTracking()
            .Where(c => cardIds.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                Transactions = db.Transactions.Where(t => t.CardId == c.Id)
                    .OrderByDescending(t => t.PostedAt).ThenByDescending(t => t.Id)
                    .Take(LatestTransactionCount)
                    .Select(t => new TransactionSummary(t.PostedAt, t.Description, t.Kind, t.Amount))
                    .ToList(),
            })
            .ToDictionaryAsync(c => c.Id, c => c.Transactions, cancellationToken);

        return accounts.Select(a => new AccountSummary(
                a.Id,
                ProductCatalog.DisplayName(a.Product),
                a.Nickname,
                a.Balance,
                a.CreditLimit,
                SharedKernel.Money.Money.Max(SharedKernel.Money.Money.Zero, a.CreditLimit - a.Balance),
                a.LastStatement,
                a.Benefits,
                a.Cards.Select(c => new CardActivity(c.Id, c.Last4, c.EmbossedName, c.Status, c.IsPrimary, c.ExpiresOn,
                    latest.GetValueOrDefault(c.Id) ?? [])).ToList()))
            .ToList();
    }
}
