using System.Security.Cryptography;
using System.Text;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Notifications.Domain;
using BillCenter.SharedKernel.Money;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Notifications.Features.CardTransactionPosted;

/// <summary>
/// The amount alerts, decided as the ledger posts: "purchase over" when a purchase is over the cardholder's amount,
/// "balance over" when the balance goes from at or under the amount to over it (once per crossing, not on every purchase
/// after). The amounts are the cardholder's choices (Preferences); the ledger never knows them. Idempotent per event.
/// </summary>
internal sealed class CardTransactionPostedHandler(AlertChoiceCache choices, AlertQueue queue, NotificationsDbContext db)
    : INotificationHandler<Accounts.Contracts.CardTransactionPosted>
{
    public async Task Handle(Accounts.Contracts.CardTransactionPosted notification, CancellationToken cancellationToken)
    {
        if (notification.Kind == TransactionKind.Purchase
            && await choices.ForAsync(notification.CardAccountId, AlertType.PurchaseOverAmount, cancellationToken) is { IsOff: false, ThresholdCents: { } purchaseOver }
            && notification.AmountCents > purchaseOver)
        {
            await QueueAsync(notification, AlertType.PurchaseOverAmount, "purchase-over", purchaseOver, cancellationToken);
        }

        if (await choices.ForAsync(notification.CardAccountId, AlertType.BalanceOverAmount, cancellationToken) is { IsOff: false, ThresholdCents: { } balanceOver }
            && notification.BalanceBeforeCents <= balanceOver && notification.BalanceAfterCents > balanceOver)
        {
            await QueueAsync(notification, AlertType.BalanceOverAmount, "balance-over", balanceOver, cancellationToken);
        }
    }

    private async Task QueueAsync(Accounts.Contracts.CardTransactionPosted posted, AlertType type, string template, long thresholdCents, CancellationToken cancellationToken)
    {
        var eventId = AlertEventId(posted.EventId, type);
        if (await db.ProcessedEvents.AnyAsync(e => e.EventId == eventId, cancellationToken))
        {
            return;
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Last4"] = posted.Last4,
            ["Amount"] = Money.FromCents(posted.AmountCents).ToString(),
            ["Merchant"] = posted.Description,
            ["Balance"] = Money.FromCents(posted.BalanceAfterCents).ToString(),
            ["Threshold"] = Money.FromCents(thresholdCents).ToString(),
        };
        try
        {
            await queue.QueueAsync(type, template, posted.CardAccountId, null, parameters, eventId, cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.ProcessedEvents.AnyAsync(e => e.EventId == eventId, cancellationToken))
            {
                throw;
            }

            // Another publisher queued this alert at the same moment; its notifications stand.
        }
    }

    /// <summary>One event can raise two alerts: each is remembered under an id of its own, derived from the event's.</summary>
    internal static Guid AlertEventId(Guid eventId, AlertType type)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{eventId:N}:{type}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
