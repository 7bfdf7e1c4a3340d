using System.Data.Common;
using BillCenter.Modules.Audit.Data;
using BillCenter.Modules.Audit.Domain;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BillCenter.Modules.Audit.Features.SecurityEventOccurred;

/// <summary>
/// Records a security event another module published, with the time and, when there is a request, the client's
/// address and browser. One short transaction of its own (the Audit context's SaveChanges). Recording must never
/// fail the publisher's request: a database error is logged (the kind and the error, none of the event's fields)
/// and the event is lost.
/// </summary>
internal sealed partial class SecurityEventOccurredHandler(
    AuditDbContext db,
    IHttpContextAccessor httpContextAccessor,
    TimeProvider time,
    ILogger<SecurityEventOccurredHandler> logger) : INotificationHandler<Contracts.SecurityEventOccurred>
{
    public async Task Handle(Contracts.SecurityEventOccurred notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var request = httpContextAccessor.HttpContext;
        var securityEvent = new SecurityEvent
        {
            OccurredAt = time.GetUtcNow().UtcDateTime,
            Kind = notification.Kind,
            UserId = AuditText.Clean(notification.UserId, SecurityEvent.MaxUserIdLength),
            UserName = AuditText.CleanTyped(notification.UserName, SecurityEvent.MaxUserNameLength),
            CardAccountId = notification.CardAccountId,
            Detail = AuditText.CleanTyped(notification.Detail, SecurityEvent.MaxDetailLength),
            ClientAddress = AuditText.Clean(request?.Connection.RemoteIpAddress?.ToString(), SecurityEvent.MaxClientAddressLength),
            UserAgent = AuditText.Clean(request?.Request.Headers.UserAgent.ToString(), SecurityEvent.MaxUserAgentLength),
        };

        try
        {
            db.SecurityEvents.Add(securityEvent);
            // The request may be ending (the browser went away); the event happened all the same.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException or TimeoutException)
        {
            LogNotRecorded(logger, notification.Kind, e.GetType().Name, e);
        }
        finally
        {
            // A failed event must not be saved again by a later publish in the same scope.
            db.ChangeTracker.Clear();
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Security event {Kind} could not be recorded ({Error}).")]
    private static partial void LogNotRecorded(ILogger logger, Audit.Contracts.SecurityEventKind kind, string error, Exception exception);
}
