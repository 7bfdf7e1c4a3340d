using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Notifications.Domain;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BillCenter.Modules.Notifications.Jobs;

/// <summary>
/// Daily job "notifications:purge-codes": deletes codes used or expired longer ago than the retention, and code limit
/// entries older than their window. Idempotent.
/// </summary>
internal sealed class PurgeOneTimeCodes(NotificationsDbContext db, OneTimeCodeLimits limits, IOptions<OneTimeCodeOptions> options, TimeProvider time)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow().UtcDateTime - options.Value.Retention;
        var codes = await db.OneTimeCodes
            .Where(c => c.ExpiresAt <= before || (c.ConsumedAt != null && c.ConsumedAt <= before))
            .ExecuteDeleteAsync(cancellationToken);
        await limits.PurgeExpiredAsync(cancellationToken);
        return codes;
    }
}
