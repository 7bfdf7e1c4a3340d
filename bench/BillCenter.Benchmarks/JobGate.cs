using BillCenter.Modules.Notifications.Jobs;
using Hangfire.Common;
using Hangfire.Server;

namespace BillCenter.Benchmarks;

/// <summary>
/// A Hangfire server filter that holds the Notifications module's jobs at their start while closed. The app enqueues
/// its jobs exactly as it always does; they just wait, so a backlog can be queued first and its drain timed alone.
/// </summary>
internal sealed class JobGate : IServerFilter, IJobFilterProvider, IDisposable
{
    private readonly ManualResetEventSlim _open = new(initialState: true);

    public void Close() => _open.Reset();

    public void Open() => _open.Set();

    public void OnPerforming(PerformingContext context)
    {
        if (context.BackgroundJob.Job.Type == typeof(NotificationJobs))
        {
            _open.Wait(context.CancellationToken.ShutdownToken);
        }
    }

    public void OnPerformed(PerformedContext context)
    {
    }

    /// <summary>Hangfire's own filters (global filters and attributes), then this gate.</summary>
    public IEnumerable<JobFilter> GetFilters(Job job) =>
        JobFilterProviders.Providers.GetFilters(job).Append(new JobFilter(this, JobFilterScope.Global, order: null));

    public void Dispose() => _open.Dispose();
}
