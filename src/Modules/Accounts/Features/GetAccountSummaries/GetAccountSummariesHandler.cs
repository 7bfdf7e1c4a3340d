using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.SharedKernel.Data;
using BillCenter.SharedKernel.Money;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.GetAccountSummaries;

/// <summary>
/// One SQL command, however many cards: accounts with their last statement, cards and each card's latest
/// transactions, compiled once (the most visited signed-in page). The benefit catalogue comes from
/// <see cref="BenefitCache"/> and product names from <see cref="ProductCatalog"/>, neither from the database per request.
/// "Latest N per card" becomes a ROW_NUMBER() window in a joined subquery; each subquery is restricted to this
/// user's accounts or cards (an IN over the indexed keys) so the window never runs over the whole ledger.
/// </summary>
internal sealed class GetAccountSummariesHandler(AccountsDbContext db, BenefitCache benefitCache)
    : IRequestHandler<Contracts.GetAccountSummaries, IReadOnlyList<AccountSummary>>
{
    public const int LatestTransactionCount = 10;

    /// <summary>
    /// The whole page in one statement: accounts → last statement, cards → latest transactions, joined. The
    /// "this user's accounts / cards" subqueries are repeated inside each windowed subquery on purpose (a compiled
    /// query cannot call a helper, and without them the window would run over every account's rows).
    /// </summary>
    private static readonly CompiledPerModel<Func<AccountsDbContext, string, IAsyncEnumerable<AccountRow>>> AccountsOf =
        new(() => EF.CompileAsyncQuery((AccountsDbContext db, string userId) =>
            db.CardAccounts.AsNoTracking()
                .Where(a => db.UserLinks.Where(l => l.UserId == userId).Select(l => l.CardAccountId).Contains(a.Id))
                .OrderBy(a => a.OpenedAt).ThenBy(a => a.Id)
                .Select(a => new AccountRow(
                    a.Id,
                    a.Product,
                    a.Nickname,
                    a.Balance,
                    a.CreditLimit,
                    db.Statements
                        .Where(s => db.UserLinks.Where(l => l.UserId == userId).Select(l => l.CardAccountId).Contains(s.CardAccountId) && s.CardAccountId == a.Id)
                        .OrderByDescending(s => s.PeriodEnd)
                        .Select(s => new StatementSummary(s.PeriodEnd, s.ClosingBalance, s.MinimumDue, s.DueDate))
                        .FirstOrDefault(),
                    a.Cards.Where(c => c.Status != CardStatus.Replaced)
                        .OrderByDescending(c => c.IsPrimary).ThenBy(c => c.IssuedAt)
                        .Select(c => new CardRow(
                            c.Id, c.Last4, c.EmbossedName, c.Status, c.IsPrimary, c.ExpiresOn,
                            db.Transactions
                                .Where(t => t.CardId != null && t.CardId == c.Id && db.Cards.Where(uc => uc.Status != CardStatus.Replaced && db.UserLinks.Where(l => l.UserId == userId).Select(l => l.CardAccountId).Contains(uc.CardAccountId)).Select(uc => uc.Id).Contains(t.CardId.Value))
                                .OrderByDescending(t => t.PostedAt).ThenByDescending(t => t.Id)
                                .Take(LatestTransactionCount)
                                .Select(t => new TransactionSummary(t.PostedAt, t.Description, t.Kind, t.Amount))
                                .ToList()))
                        .ToList()))
                .AsSingleQuery()));

    public async Task<IReadOnlyList<AccountSummary>> Handle(Contracts.GetAccountSummaries request, CancellationToken cancellationToken)
    {
        var benefits = await benefitCache.GetAsync(db, cancellationToken);
        var accounts = await AccountsOf.For(db)(db, request.UserId).ToListAsync(cancellationToken);
        return [.. accounts.Select(a => new AccountSummary(
            a.Id,
            ProductCatalog.DisplayName(a.Product),
            a.Nickname,
            a.Balance,
            a.CreditLimit,
            Money.Max(Money.Zero, a.CreditLimit - a.Balance),
            a.LastStatement,
            benefits.GetValueOrDefault(a.Product) ?? [],
            [.. a.Cards.Select(c => new CardActivity(c.Id, c.Last4, c.EmbossedName, c.Status, c.IsPrimary, c.ExpiresOn, c.LatestTransactions))]))];
    }

    private sealed record AccountRow(
        Guid Id, Product Product, string? Nickname, Money Balance, Money CreditLimit, StatementSummary? LastStatement, List<CardRow> Cards);

    private sealed record CardRow(
        Guid Id, string Last4, string EmbossedName, CardStatus Status, bool IsPrimary, DateOnly ExpiresOn, List<TransactionSummary> LatestTransactions);
}
