using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Notifications.Dispatch;
using MediatR;
using Microsoft.Extensions.Options;

namespace BillCenter.Modules.Notifications.Domain;

/// <summary>
/// Turns an alert request into one pending notification per recipient and one notice for the online user's notice
/// center, saved together, and asks for a dispatch.
/// </summary>
internal sealed class AlertQueue(
    NotificationsDbContext db, Recipients recipients, IMediator mediator, DispatchSignal signal, TimeProvider time, IOptions<SiteOptions> site)
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
        if (await NoticeForAsync(type, template, cardAccountId, userId, message, eventId, now, cancellationToken) is { } notice)
        {
            db.Notices.Add(notice);
        }

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

    /// <summary>
    /// The alert as its online user sees it at /notices, even when every channel of its type is turned off; none when
    /// no online user holds the account. Welcome messages are left out: their words only invite the reader to sign in,
    /// which whoever reads /notices has done. One-time codes never come here (they are not alerts, see CodeProtector).
    /// </summary>
    private async Task<Notice?> NoticeForAsync(
        AlertType type, string template, Guid? cardAccountId, string? userId, RenderedMessage message, Guid? eventId, DateTime now, CancellationToken cancellationToken)
    {
        if (type == AlertType.Welcome)
        {
            return null;
        }

        var owner = !string.IsNullOrEmpty(userId) ? userId
            : cardAccountId is { } accountId ? await mediator.Send(new FindLinkedUser(accountId), cancellationToken)
            : null;
        return string.IsNullOrEmpty(owner) ? null : new Notice
        {
            UserId = owner,
            CardAccountId = cardAccountId,
            Type = type,
            Template = template,
            Subject = message.Subject,
            TextBody = message.Body,
            EventId = eventId,
            CreatedAt = now,
        };
    }

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
