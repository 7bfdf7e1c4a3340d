using MediatR;

namespace BillCenter.Modules.Users.Contracts;

/// <summary>
/// Sign this user in on the current request (a new session), e.g. right after enrolling. False when there is no
/// such user, or when the browser was signed in as someone else: that session ends and the cardholder signs in anew.
/// The browser becomes a known device of the user, so its next sign-in sends no "new sign-in" security alert.
/// </summary>
public sealed record SignInUser(string UserId) : IRequest<bool>;
