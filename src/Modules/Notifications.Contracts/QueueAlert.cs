using MediatR;

namespace BillCenter.Modules.Notifications.Contracts;

/// <summary>
/// Queue an alert now (for flows with no state change of their own to commit it with; otherwise publish
/// <see cref="AlertRequested"/> through your module's outbox). Addresses come from the contact on file.
/// Returns the ids of the notifications created (one per channel and destination).
/// </summary>
public sealed record QueueAlert(AlertType Type, string Template, Guid? CardAccountId, string? UserId, IReadOnlyDictionary<string, string> Parameters)
    : IRequest<IReadOnlyList<Guid>>;
