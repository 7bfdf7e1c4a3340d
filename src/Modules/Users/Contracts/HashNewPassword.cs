using MediatR;

namespace BillCenter.Modules.Users.Contracts;

/// <summary>
/// The password hash (ASP.NET Identity's hasher) a multi-step form keeps instead of a chosen password, for
/// <see cref="CreateUserWithPasswordHash"/>. Check the password with <see cref="CheckNewCredentials"/> first.
/// </summary>
public sealed record HashNewPassword(string Password) : IRequest<string>;
