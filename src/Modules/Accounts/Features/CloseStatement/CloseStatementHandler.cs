using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.SharedKernel.Money;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.CloseStatement;

internal sealed class CloseStatementHandler(AccountsDbContext db) : IRequestHandler<Contracts.CloseStatement, Guid>
{
    /// <summary>Payment is due 25 days after the cycle closes.</summary>
    private const int GraceDays = 25;

    public async Task<Guid> Handle(Contracts.CloseStatement request, CancellationToken cancellationToken)
    {
        var existing = await db.Statements.Where(s => s.CardAccountId == request.CardAccountId && s.PeriodEnd == request.PeriodEnd)
            .Select(s => (Guid?)s.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return id; // closing a cycle twice is a no-op (jobs run at least once)
        }

        var previous = await db.Statements.AsNoTracking().Where(s => s.CardAccountId == request.CardAccountId && s.PeriodEnd < request.PeriodEnd)
            .OrderByDescending(s => s.PeriodEnd).FirstOrDefaultAsync(cancellationToken);
        var periodStart = previous?.PeriodEnd.AddDays(1) ?? request.PeriodEnd.AddMonths(-1).AddDays(1);
        var endExclusive = request.PeriodEnd.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        var entries = await db.Transactions
            .Where(t => t.CardAccountId == request.CardAccountId && t.StatementId == null && t.PostedAt < endExclusive)
            .ToListAsync(cancellationToken);
        var credits = Sum(entries.Where(t => t.Amount.IsNegative));
        var charges = Sum(entries.Where(t => !t.Amount.IsNegative));
        var fees = Sum(entries.Where(t => t.Kind is TransactionKind.Fee));
        var interest = Sum(entries.Where(t => t.Kind is TransactionKind.Interest));
        var feesAndInterest = fees + interest;
        var previousBalance = previous?.ClosingBalance ?? Money.Zero;
        var closing = previousBalance + credits + charges;

        var statement = new Statement
        {
            CardAccountId = request.CardAccountId,
            PeriodStart = periodStart,
            PeriodEnd = request.PeriodEnd,
            PreviousBalance = previousBalance,
            PaymentsAndCredits = credits,
            NewCharges = charges,
            Purchases = Sum(entries.Where(t => t.Kind is TransactionKind.Purchase)),
            Fees = fees,
            Interest = interest,
            Number = $"{request.PeriodEnd:yyMM}-{request.CardAccountId.ToString("N")[..8].ToUpperInvariant()}",
            ClosingBalance = closing,
            MinimumDue = Statement.MinimumPaymentFor(closing, feesAndInterest),
            DueDate = request.PeriodEnd.AddDays(GraceDays),
        };
        db.Statements.Add(statement);
        entries.ForEach(t => t.StatementId = statement.Id);
        await db.SaveChangesAsync(cancellationToken);
        return statement.Id;
    }

    private static Money Sum(IEnumerable<CardTransaction> entries) => entries.Aggregate(Money.Zero, (sum, t) => sum + t.Amount);
}
