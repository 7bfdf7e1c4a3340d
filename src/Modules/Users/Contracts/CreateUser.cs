using MediatR;

namespace BillCenter.Modules.Users.Contracts;

/// <summary>Create an online account. User IDs are unique ignoring case.</summary>
public sealed record CreateUser(string UserName, string Password, string? Email = null, bool IsAdmin = false) : IRequest<UserCommandResult>;
