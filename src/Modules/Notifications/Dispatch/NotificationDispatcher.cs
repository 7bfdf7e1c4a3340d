using BillCenter.Modules.Notifications.Domain;
using BillCenter.Modules.Notifications.Channels;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BillCenter.Modules.Notifications.Dispatch;

/// <summary>
/// Sends due notifications in batches: claim (one conditional UPDATE, so racing dispatchers never share a
/// notification), load, send (one SMTP connection per batch; SMS in parallel), record every outcome in one
/// SaveChanges. A notification marked Sent is never claimed again.
/// </summary>
internal sealed class NotificationDispatcher(
    NotificationsDbContext db,
    IEmailChannel email,
    ISmsChannel sms,
    CodeProtector codes,
    Recipients recipients,
    DispatchSignal signal,
    IOptions<DispatchOptions> options,
    TimeProvider time,
    ILogger<NotificationDispatcher> logger)
{
    private readonly DispatchOptions _options = options.Value;

    /// <summary>Sends batches until nothing is due. Returns how many notifications were attempted.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var attempted = await DispatchBatchAsync(null, cancellationToken);
            total += attempted;
            if (attempted < _options.BatchSize)
            {
                break;
            }
        }

        return total;
    }

    public Task<int> DispatchOneAsync(Guid notificationId, CancellationToken cancellationToken) => DispatchBatchAsync(notificationId, cancellationToken);

    private async Task<int> DispatchBatchAsync(Guid? onlyId, CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(onlyId, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var results = new Dictionary<Guid, DeliveryResult>();
        var emails = claimed.Where(n => n.Channel == NotificationChannel.Email).ToList();
        if (emails.Count > 0)
        {
            var sent = await email.SendBatchAsync(emails.Select(n => new OutgoingEmail(n.Id, n.Destination, n.Subject, Body(n), HtmlBody(n))).ToList(), cancellationToken);
            foreach (var result in sent)
            {
                results[result.NotificationId] = result;
            }
        }

        var texts = claimed.Where(n => n.Channel == NotificationChannel.Sms).ToList();
        if (texts.Count > 0)
        {
            using var gate = new SemaphoreSlim(_options.SmsConcurrency);
            var sent = await Task.WhenAll(texts.Select(async n =>
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    return await sms.SendAsync(new OutgoingSms(n.Id, n.Destination, Body(n)), cancellationToken);
                }
                finally
                {
                    gate.Release();
                }
            }));
            foreach (var result in sent)
            {
                results[result.NotificationId] = result;
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var notification in claimed)
        {
            var result = results.GetValueOrDefault(notification.Id)
                ?? new DeliveryResult(notification.Id, DeliveryOutcome.TransientFailure, Error: "No result from the channel");
            await RecordAsync(notification, result, now, cancellationToken);
        }

        var fallbacks = db.ChangeTracker.Entries<Notification>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            foreach (var fallback in fallbacks)
            {
                signal.Queued(fallback);
            }
        }
        catch (DbUpdateConcurrencyException exception)
        {
            // Our lease expired and another dispatcher took these over; its record wins.
            logger.LogWarning("{Count} notification outcomes were not recorded: the lease had passed to another dispatcher", exception.Entries.Count);
        }

        return claimed.Count;
    }

    private async Task<List<Notification>> ClaimAsync(Guid? onlyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid();
        var due = db.Notifications.Where(n =>
            (n.Status == NotificationStatus.Pending && n.NextAttemptAt <= now) ||
            (n.Status == NotificationStatus.Sending && n.LeaseExpiresAt < now));
        if (onlyId is { } id)
        {
            due = due.Where(n => n.Id == id);
        }

        var batch = due.OrderBy(n => n.NextAttemptAt).Take(_options.BatchSize).Select(n => n.Id);
        var leaseUntil = now + _options.Lease;
        var version = Guid.NewGuid();
        var claimedCount = await db.Notifications
            .Where(n => batch.Contains(n.Id) &&
                        ((n.Status == NotificationStatus.Pending && n.NextAttemptAt <= now) ||
                         (n.Status == NotificationStatus.Sending && n.LeaseExpiresAt < now)))
            .ExecuteUpdateAsync(
                s => s.SetProperty(n => n.Status, NotificationStatus.Sending)
                    .SetProperty(n => n.ClaimToken, token)
                    .SetProperty(n => n.LeaseExpiresAt, leaseUntil)
                    .SetProperty(n => n.Attempts, n => n.Attempts + 1)
                    .SetProperty(n => n.UpdatedAt, now)
                    .SetProperty(n => n.Version, version),
                cancellationToken);
        return claimedCount == 0 ? [] : await db.Notifications.Where(n => n.ClaimToken == token).ToListAsync(cancellationToken);
    }

    private async Task RecordAsync(Notification notification, DeliveryResult result, DateTime now, CancellationToken cancellationToken)
    {
        notification.ClaimToken = null;
        notification.LeaseExpiresAt = null;
        notification.UpdatedAt = now;
        notification.Version = Guid.NewGuid();
        notification.LastError = result.Error is { Length: > 1000 } error ? error[..1000] : result.Error;
        switch (result.Outcome)
        {
            case DeliveryOutcome.Sent:
                notification.Status = NotificationStatus.Sent;
                notification.SentAt = now;
                notification.ProviderMessageId = result.ProviderMessageId ?? notification.ProviderMessageId;
                break;
            case DeliveryOutcome.TransientFailure when notification.Attempts < _options.MaxAttempts:
                notification.Status = NotificationStatus.Pending;
                notification.NextAttemptAt = now + _options.RetryDelay(notification.Attempts);
                break;
            case DeliveryOutcome.TransientFailure or DeliveryOutcome.PermanentFailure:
                notification.Status = NotificationStatus.Failed;
                logger.LogWarning("Notification {NotificationId} failed after {Attempts} attempts: {Error}", notification.Id, notification.Attempts, notification.LastError);
                break;
            case DeliveryOutcome.RecipientOptedOut or DeliveryOutcome.InvalidRecipient:
                notification.Status = NotificationStatus.Undeliverable;
                await FallBackToEmailAsync(notification, result, now, cancellationToken);
                break;
        }

        // The code leaves the database once it can no longer be sent: sent, failed for good, or undeliverable.
        if (notification.IsOneTimeCode && notification.Status is NotificationStatus.Sent or NotificationStatus.Failed or NotificationStatus.Undeliverable)
        {
            notification.TextBody = notification.Status == NotificationStatus.Sent ? CodeProtector.SentPlaceholder : CodeProtector.NotSentPlaceholder;
            notification.HtmlBody = null;
        }
    }

    /// <summary>A number that cannot take texts: remember it, and send the same words by email instead.</summary>
    private async Task FallBackToEmailAsync(Notification text, DeliveryResult result, DateTime now, CancellationToken cancellationToken)
    {
        if (!await db.SmsOptOuts.AnyAsync(o => o.PhoneNumber == text.Destination, cancellationToken) &&
            !db.SmsOptOuts.Local.Any(o => o.PhoneNumber == text.Destination))
        {
            db.SmsOptOuts.Add(new SmsOptOut
            {
                PhoneNumber = text.Destination,
                OptedOutAt = now,
                Reason = result.Outcome == DeliveryOutcome.RecipientOptedOut ? "Recipient replied STOP (21610)" : "Not a valid mobile number (21211)",
            });
        }

        // The same alert already went to every email on file (security alerts do): nothing to add.
        var alreadyEmailed = await db.Notifications.AnyAsync(
            n => n.Channel == NotificationChannel.Email && n.Template == text.Template && n.CreatedAt == text.CreatedAt &&
                 n.CardAccountId == text.CardAccountId && n.UserId == text.UserId && n.Id != text.Id,
            cancellationToken);
        var emails = alreadyEmailed ? [] : await recipients.EmailsOnFileAsync(text.CardAccountId, text.UserId, cancellationToken);
        foreach (var recipient in emails)
        {
            var body = text.IsOneTimeCode ? codes.Reveal(text.TextBody) : text.TextBody;
            var message = AlertTemplates.FromSms(text.Subject, body);
            var fallback = AlertQueue.NewNotification(text.Type, text.Template, text.CardAccountId, text.UserId, recipient, message, null, now);
            fallback.IsOneTimeCode = text.IsOneTimeCode;
            if (text.IsOneTimeCode)
            {
                fallback.TextBody = codes.Protect(message.Text);
                fallback.HtmlBody = codes.Protect(message.Html);
            }

            db.Notifications.Add(fallback);
        }

        if (emails.Count == 0 && !alreadyEmailed)
        {
            logger.LogWarning("Notification {NotificationId} is undeliverable by SMS and there is no email on file", text.Id);
        }
    }

    private string Body(Notification n) => n.IsOneTimeCode ? codes.Reveal(n.TextBody) : n.TextBody;

    private string HtmlBody(Notification n) => n.IsOneTimeCode && n.HtmlBody is not null ? codes.Reveal(n.HtmlBody) : n.HtmlBody ?? n.TextBody;
}
