using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Notifications.Dispatch;
using BillCenter.Modules.Notifications.Domain;
using MediatR;

namespace BillCenter.Modules.Notifications.Features.SendSignInCode;

/// <summary>A sign-in code goes out at once, as a job of its own, encrypted until sent and scrubbed after, like every code.</summary>
internal sealed class SendSignInCodeHandler(NotificationsDbContext db, CodeProtector protector, DispatchSignal signal, TimeProvider time)
    : IRequestHandler<Contracts.SendSignInCode, string>
{
    public const string Template = "sign-in-code";

    public async Task<string> Handle(Contracts.SendSignInCode request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow().UtcDateTime;
        var notification = protector.CodeNotification(
            Template, null, request.UserId, new Recipient(NotificationChannel.Email, request.Email), request.Code, request.ValidMinutes, now);
        db.Notifications.Add(notification);
        await db.SaveChangesAsync(cancellationToken);
        signal.Queued(notification);
        return Masking.Email(request.Email);
    }
}
