using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.SharedKernel.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.FindCard;

internal sealed class FindCardHandler(AccountsDbContext db, KeyedHasher hasher) : IRequestHandler<Contracts.FindCard, CardSummary?>
{
    public async Task<CardSummary?> Handle(Contracts.FindCard request, CancellationToken cancellationToken)
    {
        var fingerprint = hasher.Fingerprint(request.CardNumber);
        var found = await db.Cards.AsNoTracking()
            .Where(c => c.Fingerprint == fingerprint)
            .Join(db.CardAccounts, c => c.CardAccountId, a => a.Id, (c, a) => new { c.Id, c.CardAccountId, c.Last4, c.Status, a.Product })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null
            ? null
            : new CardSummary(found.Id, found.CardAccountId, found.Last4, found.Status, found.Product, ProductCatalog.HasCardIds(found.Product));
    }
}
