using Hangfire;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace BillCenter.SharedKernel.Messaging;

/// <summary>
/// Publishes a module's outbox: each unpublished event goes to its MediatR handlers, then is marked published.
/// Runs as the job "&lt;module&gt;:outbox" every minute and right after a SaveChanges that wrote to the outbox.
/// A crash between handling and marking means the event is handled again: handlers are idempotent.
/// </summary>
public sealed class OutboxPublisher<TContext>(TContext db, IMediator mediator, TimeProvider time, ILogger<OutboxPublisher<TContext>> logger)
    where TContext : DbContext
{
    public const int BatchSize = 200;
    public const int MaxAttempts = 10;

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task PublishPendingAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await db.Set<OutboxMessage>()
                .Where(m => m.PublishedAt == null && m.Attempts < MaxAttempts)
                .OrderBy(m => m.OccurredAt)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            foreach (var message in batch)
            {
                try
                {
                    await mediator.Publish(message.ToEvent(), cancellationToken);
                    message.PublishedAt = time.GetUtcNow().UtcDateTime;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    message.Attempts++;
                    message.LastError = exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message;
                    logger.LogError(exception, "Publishing outbox event {EventId} failed (attempt {Attempt})", message.Id, message.Attempts);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            if (batch.All(m => m.PublishedAt is null))
            {
                return; // every event failed: wait for the next run rather than spin
            }
        }
    }
}
