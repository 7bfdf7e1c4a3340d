using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.SharedKernel.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.PostCardTransaction;

/// <summary>Posts the entry, moves the balance and publishes <see cref="CardTransactionPosted"/>, all in one SaveChanges.</summary>
internal sealed class PostCardTransactionHandler(AccountsDbContext db, TimeProvider time) : IRequestHandler<Contracts.PostCardTransaction, Guid>
{
    public async Task<Guid> Handle(Contracts.PostCardTransaction request, CancellationToken cancellationToken)
    {
        if (request.Reference is { } reference
            && await db.Transactions.Where(t => t.Reference == reference).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken) is { } posted)
        {
            return posted; // the processor's reference was posted before (a file uploaded twice)
        }

        var account = await db.CardAccounts.SingleAsync(a => a.Id == request.CardAccountId, cancellationToken);
        var entry = new CardTransaction
        {
            CardAccountId = account.Id,
            CardId = request.CardId,
            PostedAt = request.PostedAt,
            Description = request.Description,
            Kind = request.Kind,
            Amount = request.Amount,
            Reference = request.Reference,
            MerchantCategory = request.MerchantCategory,
        };
        db.Transactions.Add(entry);
        var before = account.Balance;
        account.Balance += request.Amount;
        account.Version = Guid.NewGuid();

        var last4 = await db.Cards.Where(c => c.CardAccountId == account.Id)
            .OrderByDescending(c => c.Id == request.CardId).ThenByDescending(c => c.IsPrimary).ThenByDescending(c => c.IssuedAt)
            .Select(c => c.Last4)
            .FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
        db.Publish(new CardTransactionPosted(Guid.NewGuid(), time.GetUtcNow().UtcDateTime, account.Id, entry.Id, request.Kind,
            request.Description, request.Amount.Cents, before.Cents, account.Balance.Cents, last4));
        await db.SaveChangesAsync(cancellationToken);
        return entry.Id;
    }
}
