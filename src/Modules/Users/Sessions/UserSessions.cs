using BillCenter.Modules.Users.Data;
using BillCenter.Modules.Users.Domain;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Users.Sessions;

/// <summary>A user's sessions as rows: list the live ones, end them (one statement, effective on every instance).</summary>
internal sealed class UserSessions(UsersDbContext db, TimeProvider time)
{
    public async Task<int> EndAllAsync(string userId, Guid? keep, SessionEnd reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Sessions
            .Where(s => s.UserId == userId && s.EndedAt == null && (keep == null || s.Id != keep))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason), cancellationToken);
    }

    public async Task<IReadOnlyList<UserSession>> LiveAsync(string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var idleSince = now - SessionLifetime.Idle;
        // The live-session rule of DatabaseTicketStore.FindLive: a compiled query's lambda cannot call a shared expression.
        return await db.Sessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedAt == null && s.ExpiresAt > now && s.LastSeenAt > idleSince)
            .OrderByDescending(s => s.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Whether the live session <paramref name="id"/> entered its password within <see cref="SessionLifetime.RecentPassword"/>.</summary>
    public async Task<bool> HasRecentPasswordAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var recentSince = now - SessionLifetime.RecentPassword;
        return await db.Sessions.AnyAsync(s => s.Id == id && s.EndedAt == null && s.PasswordEnteredAt >= recentSince, cancellationToken);
    }

    /// <summary>Records that the session <paramref name="id"/> of <paramref name="userId"/> has just entered its password again.</summary>
    public async Task<bool> MarkPasswordEnteredAsync(Guid id, string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Sessions.Where(s => s.Id == id && s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PasswordEnteredAt, now), cancellationToken) == 1;
    }

    /// <summary>Deletes sessions that ended or expired more than <see cref="SessionLifetime.Retention"/> ago.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - SessionLifetime.Retention;
        return await db.Sessions
            .Where(s => (s.EndedAt != null && s.EndedAt < cutoff) || s.ExpiresAt < cutoff || s.LastSeenAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
    }

    public static Guid? ParseId(string? sessionId) => Guid.TryParseExact(sessionId, "N", out var id) ? id : null;
}
