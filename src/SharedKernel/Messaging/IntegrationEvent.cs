using MediatR;

namespace BillCenter.SharedKernel.Messaging;

/// <summary>
/// Something that happened in one module that others react to. Written to the publishing module's outbox in the
/// same SaveChanges as the state change, then published (at least once) by that module's outbox job; handlers
/// must be idempotent by <see cref="EventId"/>. The events themselves belong to the module whose words they are
/// (e.g. AlertRequested in BillCenter.Modules.Notifications.Contracts), never to the kernel.
/// </summary>
public interface IIntegrationEvent : INotification
{
    Guid EventId { get; }

    DateTime OccurredAt { get; }
}
