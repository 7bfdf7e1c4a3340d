using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Notifications.Dispatch;
using Microsoft.Extensions.Options;

namespace BillCenter.Modules.Notifications.Domain;

/// <summary>Turns an alert request into one pending notification per recipient, and asks for a dispatch.</summary>
internal sealed class AlertQueue(NotificationsDbContext db, Recipients recipients, DispatchSignal signal, TimeProvider time, IOptions<SiteOptions> site)
{
    public async Task<IReadOnlyList<Guid>> QueueAsync(
        AlertType type, string template, Guid? cardAccountId, string? userId, IReadOnlyDictionary<string, string> parameters, Guid? eventId, CancellationToken cancellationToken)
    {
        var message = Render(template, parameters);
        var now = time.GetUtcNow().UtcDateTime;
        var created = new List<Notification>();
        foreach (var recipient in await recipients.ForAsync(type, cardAccountId, userId, cancellationToken))
        {
            created.Add(NewNotification(type, template, cardAccountId, userId, recipient, message, eventId, now));
        }

        db.Notifications.AddRange(created);
        if (eventId is { } id)
        {
            // Remembered in the same transaction as the notifications: a redelivered event creates nothing twice.
            db.ProcessedEvents.Add(new ProcessedEvent { EventId = id, ProcessedAt = now });
        }

        await db.SaveChangesAsync(cancellationToken);
        signal.AlertsQueued();
        return created.Select(n => n.Id).ToList();
    }

    /// <summary>The words of an alert as its recipients get them, with the site's sign-in address.</summary>
    public RenderedMessage Render(string template, IReadOnlyDictionary<string, string> parameters) =>
        AlertTemplates.Render(template, new Dictionary<string, string>(parameters, StringComparer.Ordinal)
        {
            [AlertTemplates.SignInUrl] = site.Value.SignInUrl,
        });

    public static Notification NewNotification(
        AlertType type, string template, Guid? cardAccountId, string? userId, Recipient recipient, RenderedMessage message, Guid? eventId, DateTime now)
    {
        var notification = new Notification
        {
            CardAccountId = cardAccountId,
            UserId = userId,
            Type = type,
            Template = template,
            Channel = recipient.Channel,
            Destination = recipient.Destination,
            Subject = message.Subject,
            TextBody = recipient.Channel == NotificationChannel.Sms ? message.Sms : message.Text,
            HtmlBody = recipient.Channel == NotificationChannel.Email ? message.Html : null,
            EventId = eventId,
            CreatedAt = now,
            NextAttemptAt = now,
            UpdatedAt = now,
        };
        if (recipient.Channel == NotificationChannel.Email)
        {
            notification.ProviderMessageId = MessageIds.For(notification.Id);
        }

        return notification;
    }
}
