using BillCenter.Modules.Accounts.Features.SelfServiceChecks;
using Hangfire;

namespace BillCenter.Modules.Accounts.Jobs;

/// <summary>Daily job: deletes self-service attempts older than the lockout window. Idempotent.</summary>
internal sealed class PurgeExpiredVerificationAttempts(SelfServiceLockout lockout)
{
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) => lockout.PurgeExpiredAsync(cancellationToken);
}
