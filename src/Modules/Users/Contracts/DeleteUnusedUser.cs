using MediatR;

namespace BillCenter.Modules.Users.Contracts;

/// <summary>Remove an online account that was never used (the enrollment that created it lost a race).</summary>
public sealed record DeleteUnusedUser(string UserId) : IRequest;
