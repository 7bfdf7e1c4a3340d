using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Notifications.Contracts;
using MediatR;

namespace BillCenter.Modules.Recovery.Domain;

/// <summary>
/// Showing a user ID is never silent: the contact details on file get a notice that it was looked up, and the security
/// event log records it. Sent when the page may show it: after the code and, when the account has them, the security question.
/// </summary>
internal static class UserIdLookup
{
    public static async Task RecordAsync(IMediator mediator, string userId, string userName, Guid cardAccountId, CancellationToken cancellationToken)
    {
        await mediator.Send(new QueueAlert(AlertType.Security, "user-id-reminder", null, userId, new Dictionary<string, string>()), cancellationToken);
        await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.UserIdRecovered, userId, userName, cardAccountId, "user ID shown after a one-time code"), cancellationToken);
    }
}
