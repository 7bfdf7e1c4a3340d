using MediatR;

namespace BillCenter.Modules.Users.Contracts;

/// <summary>
/// An online account by its internal id: the user ID it signs in with and the version of its credentials (an opaque
/// value that changes whenever the password does, for <see cref="ResetPassword"/>). Null when there is none.
/// </summary>
public sealed record GetOnlineAccount(string UserId) : IRequest<OnlineAccount?>;

public sealed record OnlineAccount(string UserId, string UserName, string CredentialVersion);
