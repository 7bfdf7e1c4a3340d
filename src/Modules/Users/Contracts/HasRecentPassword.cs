using MediatR;

namespace BillCenter.Modules.Users.Contracts;

/// <summary>
/// Whether the session <paramref name="SessionId"/> (from <see cref="SessionClaims.SessionId"/> of the signed-in
/// principal) entered its password within the last 5 minutes, by the app's clock: false for an unknown or ended
/// session. Pages that change security settings use <see cref="RequireRecentPasswordAttribute"/> rather than asking.
/// </summary>
public sealed record HasRecentPassword(string? SessionId) : IRequest<bool>;
