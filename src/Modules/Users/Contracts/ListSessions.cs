using MediatR;

namespace BillCenter.Modules.Users.Contracts;

/// <summary>
/// A user's live sessions, newest first, for a "Your sessions" list. <paramref name="CurrentSessionId"/> (from
/// <see cref="SessionClaims.SessionId"/> of the signed-in principal) marks the one making the request.
/// </summary>
public sealed record ListSessions(string UserId, string? CurrentSessionId) : IRequest<IReadOnlyList<SessionSummary>>;

/// <summary>One signed-in browser: what it is ("Firefox on Windows"), where from (IP address), since when.</summary>
public sealed record SessionSummary(
    string SessionId,
    string Device,
    string? IpAddress,
    DateTimeOffset SignedInAt,
    DateTimeOffset LastSeenAt,
    bool IsCurrent);
