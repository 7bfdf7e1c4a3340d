using BillCenter.Modules.Notifications.Domain;
using BillCenter.Modules.Notifications.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Notifications.Features.AlertRequested;

/// <summary>Alerts other modules publish through their outboxes. Idempotent by event id.</summary>
internal sealed class AlertRequestedHandler(AlertQueue queue, NotificationsDbContext db) : INotificationHandler<Contracts.AlertRequested>
{
    public async Task Handle(Contracts.AlertRequested notification, CancellationToken cancellationToken)
    {
        if (await db.ProcessedEvents.AnyAsync(e => e.EventId == notification.EventId, cancellationToken))
        {
            return;
        }

        try
        {
            await queue.QueueAsync(notification.Type, notification.Template, notification.CardAccountId, notification.UserId,
                notification.Parameters, notification.EventId, cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await AlreadyProcessedAsync(notification.EventId, cancellationToken))
            {
                throw;
            }

            // Another publisher handled the same event at the same moment; its notifications stand.
        }
    }

    private async Task<bool> AlreadyProcessedAsync(Guid eventId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.ProcessedEvents.AnyAsync(e => e.EventId == eventId, cancellationToken);
    }
}
