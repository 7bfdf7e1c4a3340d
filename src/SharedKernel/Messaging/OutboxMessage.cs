using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.SharedKernel.Messaging;

/// <summary>An integration event waiting in a module's outbox table to be published.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>Assembly-qualified type name of the event.</summary>
    public string Type { get; set; } = string.Empty;

    public string Payload { get; set; } = string.Empty;

    public DateTime OccurredAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public static OutboxMessage From(IIntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var type = integrationEvent.GetType();
        return new OutboxMessage
        {
            Id = integrationEvent.EventId,
            Type = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Payload = JsonSerializer.Serialize(integrationEvent, type),
            OccurredAt = integrationEvent.OccurredAt,
        };
    }

    public IIntegrationEvent ToEvent()
    {
        var type = System.Type.GetType(Type, throwOnError: true)!;
        return (IIntegrationEvent)(JsonSerializer.Deserialize(Payload, type)
            ?? throw new InvalidOperationException($"Outbox message {Id} has an empty payload."));
    }
}

public static class OutboxModel
{
    /// <summary>Adds the module's own outbox table ("outbox_messages" in the module's schema).</summary>
    public static ModelBuilder AddOutbox(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
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
