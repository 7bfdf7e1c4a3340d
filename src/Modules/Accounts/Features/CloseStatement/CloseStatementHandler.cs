using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Features.StatementRun;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.CloseStatement;

/// <summary>
/// Closes one account's cycles up to and including the one ending on the given day, the way the statement run does.
/// An account with no statement yet starts its cycles there (demo data and tests write a history in the past).
/// </summary>
internal sealed class CloseStatementHandler(AccountsDbContext db, CycleCloser closer) : IRequestHandler<Contracts.CloseStatement, Guid>
{
    public async Task<Guid> Handle(Contracts.CloseStatement request, CancellationToken cancellationToken)
    {
        var account = await db.CardAccounts.SingleAsync(a => a.Id == request.CardAccountId, cancellationToken);
        if (!await db.Statements.AnyAsync(s => s.CardAccountId == account.Id, cancellationToken) && account.NextCycleClose != request.PeriodEnd)
        {
            account.NextCycleClose = request.PeriodEnd;
            account.Version = Guid.NewGuid();
            await db.SaveChangesAsync(cancellationToken);
        }

        await closer.CloseAccountAsync(account.Id, request.PeriodEnd.AddDays(1), cancellationToken);
        return await db.Statements.Where(s => s.CardAccountId == account.Id && s.PeriodEnd <= request.PeriodEnd)
            .OrderByDescending(s => s.PeriodEnd).Select(s => s.Id).FirstAsync(cancellationToken);
    }
}
