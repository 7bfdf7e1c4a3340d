using BillCenter.Modules.Audit.Data;
using BillCenter.Modules.Audit.Domain;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BillCenter.Modules.Audit.Jobs;

/// <summary>"audit:purge-events", daily: deletes security events older than Audit:RetentionDays. Idempotent.</summary>
internal sealed class PurgeOldSecurityEvents(AuditDbContext db, IOptions<AuditOptions> options, TimeProvider time)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-options.Value.RetentionDays);
        return await db.SecurityEvents.Where(e => e.OccurredAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
