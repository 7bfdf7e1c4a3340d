using MediatR;

namespace BillCenter.Modules.Users.Contracts;

/// <summary>
/// "Sign out everywhere else": ends every live session of the user except <paramref name="KeepSessionId"/> (none
/// kept when null). Each ended session is refused on its next request, on every instance. Answers how many ended.
/// </summary>
public sealed record EndSessions(string UserId, string? KeepSessionId) : IRequest<int>;
