using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.SharedKernel.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.IssueReplacementCard;

internal sealed class IssueReplacementCardHandler(AccountsDbContext db, KeyedHasher hasher, TimeProvider time) : IRequestHandler<Contracts.IssueReplacementCard, Guid>
{
    public async Task<Guid> Handle(Contracts.IssueReplacementCard request, CancellationToken cancellationToken)
    {
        var account = await db.CardAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.CardAccountId, cancellationToken)
            ?? throw new InvalidOperationException($"Card account {request.CardAccountId} does not exist.");
        if (!await db.Cards.AnyAsync(c => c.Id == request.ReplacesCardId && c.CardAccountId == account.Id, cancellationToken))
        {
            throw new InvalidOperationException($"Card {request.ReplacesCardId} is not a card of account {account.Id}.");
        }

        if (ProductCatalog.HasCardIds(account.Product) != (request.Card.CardId is not null))
        {
            throw new InvalidOperationException("Cards have a card ID exactly when their product does.");
        }

        var fingerprint = hasher.Fingerprint(request.Card.Number);
        var card = new Card
        {
            CardAccountId = account.Id,
            Fingerprint = fingerprint,
            Last4 = request.Card.Number.Last4,
            CardIdVerifier = request.Card.CardId is null ? null : hasher.CardIdVerifier(fingerprint, request.Card.CardId),
            EmbossedName = request.Card.EmbossedName,
            Status = CardStatus.Issued,
            IsPrimary = request.Card.IsPrimary,
            ExpiresOn = request.Card.ExpiresOn,
            ReplacesCardId = request.ReplacesCardId,
            IssuedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Cards.Add(card);
        await db.SaveChangesAsync(cancellationToken);
        return card.Id;
    }
}
