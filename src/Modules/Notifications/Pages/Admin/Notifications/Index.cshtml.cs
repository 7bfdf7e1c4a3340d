using Ardalis.Specification;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Notifications.Dispatch;
using BillCenter.Modules.Notifications.Domain;
using BillCenter.SharedKernel.Security;
using BillCenter.SharedKernel.Specifications;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Notifications.Pages.Admin.Notifications;

[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public DeliveryLog Log { get; private set; } = new([], new([], 1, 0), DateTime.UtcNow);

    [TempData]
    public string? Confirmation { get; set; }

    /// <summary>Page <paramref name="failurePage"/> of the failures (1 is the newest; out-of-range numbers show the nearest page).</summary>
    public async Task OnGetAsync(int failurePage, CancellationToken cancellationToken) =>
        Log = await mediator.Send(new GetDeliveryLog(failurePage), cancellationToken);

    public async Task<IActionResult> OnPostRetryAsync(Guid id, int failurePage, CancellationToken cancellationToken)
    {
        Confirmation = await mediator.Send(new RetryNotification(id), cancellationToken)
            ? "The notification will be sent again in a moment."
            : "That notification cannot be retried (it is no longer failed, or it was a one-time code).";
        return RedirectToPage(failurePage > 1 ? new { failurePage } : null);
    }

    /// <summary>A channel as people read it: "Email", "SMS" (never the enum's "Sms").</summary>
    public static string ChannelName(NotificationChannel channel) => channel switch
    {
        NotificationChannel.Email => "Email",
        NotificationChannel.Sms => "SMS",
        _ => channel.ToString(),
    };

    public sealed record DeliveryLog(IReadOnlyList<StatusCount> Counts, FailurePage Failures, DateTime Since);

    public sealed record StatusCount(NotificationChannel Channel, NotificationStatus Status, int Count);

    public sealed record FailedNotification(Guid Id, NotificationChannel Channel, string Template, NotificationStatus Status, int Attempts, string? LastError, DateTime UpdatedAt, string Destination);

    /// <summary>One page of the failures, newest first: page <see cref="Number"/> of <see cref="PageCount"/>.</summary>
    public sealed record FailurePage(IReadOnlyList<FailedNotification> Items, int Number, int Total)
    {
        public static int Size => LatestFailures.PageSize;

        public int PageCount => Math.Max(1, (Total + Size - 1) / Size);

        public int FirstShown => Items.Count == 0 ? 0 : ((Number - 1) * Size) + 1;

        public int LastShown => Items.Count == 0 ? 0 : FirstShown + Items.Count - 1;

        public bool HasNewer => Number > 1;

        public bool HasOlder => Number < PageCount;
    }

    internal sealed record GetDeliveryLog(int FailurePage) : IRequest<DeliveryLog>;


    /// <summary>Failed and undeliverable notifications, most recently changed first, one page at a time.</summary>
    internal sealed class LatestFailures : Specification<Notification, FailedNotification>
    {
        public const int PageSize = 25;

        public LatestFailures(int page = 1) =>
            Query.Where(n => n.Status == NotificationStatus.Failed || n.Status == NotificationStatus.Undeliverable)
                // The id breaks ties between failures of the same instant, so pages neither repeat nor skip a row.
                .OrderByDescending(n => n.UpdatedAt).ThenByDescending(n => n.Id)
                .Skip((page - 1) * PageSize)
                .Take(PageSize)
                .Select(n => new FailedNotification(n.Id, n.Channel, n.Template, n.Status, n.Attempts, n.LastError, n.UpdatedAt, n.Destination));
    }

    internal sealed class GetDeliveryLogHandler(NotificationsDbContext db, TimeProvider time) : IRequestHandler<GetDeliveryLog, DeliveryLog>
    {
        public async Task<DeliveryLog> Handle(GetDeliveryLog request, CancellationToken cancellationToken)
        {
            var since = time.GetUtcNow().UtcDateTime.AddHours(-24);
            var counts = await db.Notifications.AsNoTracking()
                .Where(n => n.CreatedAt >= since)
                .GroupBy(n => new { n.Channel, n.Status })
                .Select(g => new StatusCount(g.Key.Channel, g.Key.Status, g.Count()))
                .ToListAsync(cancellationToken);

            // Criteria only: the same filter, counted without its order and paging.
            var total = await EfSpecificationEvaluator.Default.GetQuery(db.Notifications, new LatestFailures(), evaluateCriteriaOnly: true)
                .CountAsync(cancellationToken);
            var page = Math.Clamp(request.FailurePage, 1, Math.Max(1, (total + LatestFailures.PageSize - 1) / LatestFailures.PageSize));
            var failures = await db.Notifications.WithSpecification(new LatestFailures(page)).ToListAsync(cancellationToken);

            return new DeliveryLog(
                counts.OrderBy(c => c.Channel).ThenBy(c => c.Status).ToList(),
                new FailurePage(failures.Select(f => f with { Destination = Mask(f) }).ToList(), page, total),
                since);
        }

        private static string Mask(FailedNotification f) =>
            f.Channel == NotificationChannel.Email ? Masking.Email(f.Destination) : Masking.Phone(f.Destination);
    }

    /// <summary>An admin asks for a failed notification to be tried again (now, with a fresh set of attempts).</summary>
    internal sealed record RetryNotification(Guid NotificationId) : IRequest<bool>;

    internal sealed class RetryNotificationHandler(NotificationsDbContext db, DispatchSignal signal, TimeProvider time) : IRequestHandler<RetryNotification, bool>
    {
        public async Task<bool> Handle(RetryNotification request, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var retried = await db.Notifications
                .Where(n => n.Id == request.NotificationId && n.Status == NotificationStatus.Failed && !n.IsOneTimeCode)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Pending)
                    .SetProperty(n => n.Attempts, 0)
                    .SetProperty(n => n.NextAttemptAt, now)
                    .SetProperty(n => n.UpdatedAt, now)
                    .SetProperty(n => n.Version, Guid.NewGuid()), cancellationToken);
            if (retried == 1)
            {
                signal.AlertsQueued();
            }

            return retried == 1;
        }
    }
}
