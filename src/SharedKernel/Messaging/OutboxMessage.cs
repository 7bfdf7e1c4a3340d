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
