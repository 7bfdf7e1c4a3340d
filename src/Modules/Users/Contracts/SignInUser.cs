using MediatR;

namespace BillCenter.Modules.Users.Contracts;

/// <summary>Sign this user in on the current request (a new session cookie), e.g. right after enrolling.</summary>
public sealed record SignInUser(string UserId) : IRequest<bool>;
