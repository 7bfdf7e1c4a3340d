using BillCenter.Modules.Notifications.Dispatch;
using Hangfire;

namespace BillCenter.Modules.Notifications.Jobs;

/// <summary>The Hangfire jobs of the Notifications module. Job arguments are ids only.</summary>
internal sealed class NotificationJobs(NotificationDispatcher dispatcher, DispatchSignal signal)
{
    public const string CodesQueue = "codes";
    public const string AlertsQueue = "alerts";

    /// <summary>One one-time code, on a queue of its own so alert batches never delay it.</summary>
    [Queue(CodesQueue)]
    [AutomaticRetry(Attempts = 0)]
    public Task SendCodeAsync(Guid notificationId, CancellationToken cancellationToken) =>
        dispatcher.DispatchOneAsync(notificationId, cancellationToken);

    [Queue(AlertsQueue)]
    [AutomaticRetry(Attempts = 0)]
    public Task DispatchAlertsAsync(CancellationToken cancellationToken)
    {
        signal.DispatchStarting();
        return dispatcher.DrainAsync(cancellationToken);
    }

    /// <summary>"notifications:dispatch", every minute: anything pending, due for retry, or with an expired lease.</summary>
    [AutomaticRetry(Attempts = 0)]
    public Task SweepAsync(CancellationToken cancellationToken) => dispatcher.DrainAsync(cancellationToken);
}
