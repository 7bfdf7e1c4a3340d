using BillCenter.Modules.Users.Sessions;
using Hangfire;

namespace BillCenter.Modules.Users.Jobs;

/// <summary>Daily job: deletes sessions that ended or expired more than 30 days ago. Idempotent.</summary>
internal sealed class PurgeEndedSessions(UserSessions sessions)
{
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) => sessions.PurgeAsync(cancellationToken);
}
