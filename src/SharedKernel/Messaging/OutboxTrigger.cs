using Hangfire;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace BillCenter.SharedKernel.Messaging;

/// <summary>After a SaveChanges that wrote outbox messages, asks Hangfire to publish them now rather than at the next sweep.</summary>
public sealed class OutboxTrigger<TContext>(IBackgroundJobClient jobs) : SaveChangesInterceptor
    where TContext : DbContext
{
    private bool _pending;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _pending |= eventData.Context is TContext context &&
                    context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_pending)
        {
            _pending = false;
            jobs.Enqueue<OutboxPublisher<TContext>>(publisher => publisher.PublishPendingAsync(CancellationToken.None));
        }

        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }
}
