using System.Security.Cryptography;
using System.Text;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.SharedKernel.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BillCenter.Modules.Accounts.Features.ActivateCard;

internal sealed class ActivateCardHandler(AccountsDbContext db, TimeProvider time, IMediator mediator, ILogger<ActivateCardHandler> logger)
    : IRequestHandler<Contracts.ActivateCard, CardActivationOutcome>
{
    private const int MaxTries = 3;

    public async Task<CardActivationOutcome> Handle(Contracts.ActivateCard request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var card = await db.Cards.SingleOrDefaultAsync(c => c.Id == request.CardId, cancellationToken);
            if (card is null)
            {
                return CardActivationOutcome.NotActivatable;
            }

            if (card.Status == CardStatus.Active)
            {
                return CardActivationOutcome.AlreadyActive;
            }

            var accountOpen = await db.CardAccounts.AnyAsync(a => a.Id == card.CardAccountId && a.Status == AccountStatus.Open, cancellationToken);
            if (card.Status != CardStatus.Issued || !accountOpen)
            {
                return CardActivationOutcome.NotActivatable;
            }

            var now = time.GetUtcNow().UtcDateTime;
            card.Status = CardStatus.Active;
            card.ActivatedAt = now;
            if (card.ReplacesCardId is { } replacedId)
            {
                var replaced = await db.Cards.SingleOrDefaultAsync(c => c.Id == replacedId && c.CardAccountId == card.CardAccountId, cancellationToken);
                if (replaced is not null && replaced.Status != CardStatus.Replaced)
                {
                    replaced.Status = CardStatus.Replaced;
                }
            }

            db.Publish(new AlertRequested(EventIdFor(card.Id), now, AlertType.CardActivated, "card-activated", card.CardAccountId, null,
                new Dictionary<string, string> { ["Last4"] = card.Last4 }));
            try
            {
                // Status is a concurrency token: the UPDATE only matches a card still Issued, so a racing activation fails here.
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < MaxTries)
            {
                // Another request changed one of the cards first (or wrote this alert): look again at what is stored now.
                db.ChangeTracker.Clear();
                continue;
            }

            logger.LogInformation("Card {CardId} activated", card.Id);
            await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.CardActivated, CardAccountId: card.CardAccountId), cancellationToken);
            return CardActivationOutcome.Activated;
        }
    }

    /// <summary>One activation per card, so the alert's event id is derived from the card: it can only be written once.</summary>
    private static Guid EventIdFor(Guid cardId) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"card-activated:{cardId:N}")).AsSpan(0, 16));
}
