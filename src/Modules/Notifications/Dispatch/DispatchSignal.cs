using BillCenter.Modules.Notifications.Jobs;
using Hangfire;

namespace BillCenter.Modules.Notifications.Dispatch;

/// <summary>
/// Enqueues one alert-dispatch job when alerts are queued, unless one is already waiting to start: a job that
/// has not started yet will see every alert queued before it starts, so 10,000 alerts cost a handful of jobs.
/// The every-minute sweep covers anything else (other instances, restarts).
/// </summary>
internal sealed class DispatchSignal(IBackgroundJobClient jobs, TimeProvider time)
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(5);
    private long _waitingSinceTicks;

    public void AlertsQueued()
    {
        var now = time.GetUtcNow().UtcTicks;
        var waiting = Interlocked.Read(ref _waitingSinceTicks);
        if (waiting != 0 && now - waiting < StaleAfter.Ticks)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _waitingSinceTicks, now, waiting) == waiting)
        {
            jobs.Enqueue<NotificationJobs>(j => j.DispatchAlertsAsync(CancellationToken.None));
        }
    }

    /// <summary>A one-time code goes out at once, as a job of its own; an alert joins the next batch.</summary>
    public void Queued(Domain.Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (notification.IsOneTimeCode)
        {
            jobs.Enqueue<NotificationJobs>(j => j.SendCodeAsync(notification.Id, CancellationToken.None));
        }
        else
        {
            AlertsQueued();
        }
    }

    /// <summary>Called by the job as it starts: alerts queued from now on need a new job.</summary>
    public void DispatchStarting() => Interlocked.Exchange(ref _waitingSinceTicks, 0);
}
