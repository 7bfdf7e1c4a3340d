using System.Linq.Expressions;
using Hangfire;

namespace BillCenter.SharedKernel.Modules;

/// <summary>Registers a module's recurring jobs under ids "&lt;module&gt;:&lt;job&gt;".</summary>
public sealed class ModuleJobs(IRecurringJobManager manager, string module, TimeZoneInfo? timeZone = null)
{
    public string IdOf(string job) => $"{module}:{job}";

    public void AddOrUpdate<T>(string job, Expression<Func<T, Task>> call, string cron) =>
        manager.AddOrUpdate(IdOf(job), call, cron, new RecurringJobOptions { TimeZone = timeZone ?? TimeZoneInfo.Utc });

    /// <summary>Runs a recurring job once now (e.g. at start-up, to pick up work left by a previous run).</summary>
    public void TriggerNow(string job) => manager.Trigger(IdOf(job));
}
