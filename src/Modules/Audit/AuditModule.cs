using BillCenter.Modules.Audit.Data;
using BillCenter.Modules.Audit.Domain;
using BillCenter.Modules.Audit.Jobs;
using BillCenter.SharedKernel.Data;
using BillCenter.SharedKernel.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.Modules.Audit;

/// <summary>
/// The security event log: records every <c>SecurityEventOccurred</c> another module publishes (sign-ins, lockouts,
/// codes, enrollments, activations, password and contact changes) with the time, client address and browser, shows
/// them to admins at /admin/security-events, and deletes them after Audit:RetentionDays.
/// </summary>
public sealed class AuditModule : IModule
{
    public string Name => AuditDbContext.Schema;

    public void AddServices(IServiceCollection services, ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.AddModuleDbContext<AuditDbContext, SqliteAuditDbContext, PostgresAuditDbContext>(Name, context.Database);
        services.AddOptions<AuditOptions>()
            .Bind(context.Configuration.GetSection(AuditOptions.Section))
            .Validate(o => o.RetentionDays >= 1, "Audit:RetentionDays must be at least 1.")
            .ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddScoped<PurgeOldSecurityEvents>();
    }

    public void AddJobs(ModuleJobs jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.AddOrUpdate<PurgeOldSecurityEvents>("purge-events", job => job.RunAsync(CancellationToken.None), "17 4 * * *");
    }
}
