using BillCenter.Modules.Notifications.Domain;
using MediatR;

namespace BillCenter.Modules.Notifications.Features.QueueAlert;

/// <summary>An alert another module asks for directly, with no state change of its own to publish it with.</summary>
internal sealed class QueueAlertHandler(AlertQueue queue) : IRequestHandler<Contracts.QueueAlert, IReadOnlyList<Guid>>
{
    public Task<IReadOnlyList<Guid>> Handle(Contracts.QueueAlert request, CancellationToken cancellationToken) =>
        queue.QueueAsync(request.Type, request.Template, request.CardAccountId, request.UserId, request.Parameters, null, cancellationToken);
}
