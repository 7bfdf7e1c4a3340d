using MediatR;

namespace BillCenter.Modules.Notifications.Contracts;

/// <summary>
/// Email an online account's sign-in code (an admin's second factor) to the address the Users module has on file for
/// that user. The Users module makes, keeps and checks the code; this only delivers it, and the message loses the
/// code once sent. Answers the masked address it went to.
/// </summary>
public sealed record SendSignInCode(string UserId, string Email, string Code, int ValidMinutes) : IRequest<string>;
