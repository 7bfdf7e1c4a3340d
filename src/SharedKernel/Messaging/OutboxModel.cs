using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.SharedKernel.Messaging;

public static class OutboxModel
{
    /// <summary>
    /// Adds the module's own outbox table ("outbox_messages" in the module's schema). SQLite has no schemas and every
    /// module shares one file, so a module after the first names its own (e.g. "payment_outbox_messages").
    /// </summary>
    public static ModelBuilder AddOutbox(this ModelBuilder modelBuilder, string table = "outbox_messages")
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(table);
            outbox.Property(m => m.Type).HasMaxLength(300);
            outbox.Property(m => m.Payload).HasMaxLength(8000);
            outbox.Property(m => m.LastError).HasMaxLength(2000);
            outbox.HasIndex(m => new { m.PublishedAt, m.OccurredAt });
        });
        return modelBuilder;
    }

    /// <summary>Queues <paramref name="integrationEvent"/> to be published when this context's SaveChanges commits.</summary>
    public static void Publish(this DbContext context, IIntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Set<OutboxMessage>().Add(OutboxMessage.From(integrationEvent));
    }
}
