using MediatR;

namespace BillCenter.Modules.Audit.Contracts;

/// <summary>
/// The user's successful sign-in before the latest one (the latest is the session asking), from the security event
/// log; null when there is none yet (a first sign-in) or the log no longer holds it.
/// </summary>
public sealed record GetPreviousSignIn(string UserId) : IRequest<PreviousSignIn?>;

/// <param name="OccurredAt">When it happened (UTC).</param>
/// <param name="ClientAddress">The client's IP address, when there was one.</param>
/// <param name="Device">The browser and system, in words ("Chrome on Windows").</param>
public sealed record PreviousSignIn(DateTime OccurredAt, string? ClientAddress, string Device);
