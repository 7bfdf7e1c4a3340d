using MediatR;

namespace BillCenter.Modules.Users.Contracts;

/// <summary>
/// Create an online account whose password was checked and hashed earlier (<see cref="HashNewPassword"/>), so the
/// password itself was never kept. User IDs are unique ignoring case.
/// </summary>
public sealed record CreateUserWithPasswordHash(string UserName, string PasswordHash) : IRequest<UserCommandResult>;
