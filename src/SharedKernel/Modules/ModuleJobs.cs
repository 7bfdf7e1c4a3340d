using System.Linq.Expressions;
using Hangfire;

namespace BillCenter.SharedKernel.Modules;

/// <summary>Registers a module's recurring jobs under ids "&lt;module&gt;:&lt;job&gt;".</summary>
public sealed class ModuleJobs(IRecurringJobManager manager, string module)
{
    public string IdOf(string job)
    {
        // Job ids show in the dashboard and in logs: "<module>:<job>", both lower-case words joined by hyphens.
        ArgumentException.ThrowIfNullOrEmpty(job);
        if (!job.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException($"Job name '{job}' must be lower-case letters, digits and hyphens.", nameof(job));
        }

        return $"{module}:{job}";
    }

    public void AddOrUpdate<T>(string job, Expression<Func<T, Task>> call, string cron) => AddOrUpdate(job, call, cron, TimeZoneInfo.Utc);

    /// <summary>A job whose schedule follows a time zone's clock (e.g. a US Eastern cut-off, daylight saving included).</summary>
    public void AddOrUpdate<T>(string job, Expression<Func<T, Task>> call, string cron, TimeZoneInfo timeZone) =>
        manager.AddOrUpdate(IdOf(job), call, cron, new RecurringJobOptions { TimeZone = timeZone });

    /// <summary>Runs a recurring job once now (e.g. at start-up, to pick up work left by a previous run).</summary>
    public void TriggerNow(string job) => manager.Trigger(IdOf(job));
}
