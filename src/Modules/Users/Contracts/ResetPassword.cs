using MediatR;

namespace BillCenter.Modules.Users.Contracts;

/// <summary>Set a new password, ending every other signed-in session of that user.</summary>
public sealed record ResetPassword(string UserId, string NewPassword) : IRequest<UserCommandResult>;
