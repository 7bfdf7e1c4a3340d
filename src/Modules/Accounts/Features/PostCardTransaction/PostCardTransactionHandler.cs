using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.PostCardTransaction;

internal sealed class PostCardTransactionHandler(AccountsDbContext db) : IRequestHandler<Contracts.PostCardTransaction, Guid>
{
    public async Task<Guid> Handle(Contracts.PostCardTransaction request, CancellationToken cancellationToken)
    {
        var account = await db.CardAccounts.SingleAsync(a => a.Id == request.CardAccountId, cancellationToken);
        var entry = new CardTransaction
        {
            CardAccountId = account.Id,
            CardId = request.CardId,
            PostedAt = request.PostedAt,
            Description = request.Description,
            Kind = request.Kind,
            Amount = request.Amount,
        };
        db.Transactions.Add(entry);
        account.Balance += request.Amount;
        account.Version = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        return entry.Id;
    }
}
