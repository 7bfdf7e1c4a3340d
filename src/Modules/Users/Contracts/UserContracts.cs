using MediatR;

namespace BillCenter.Modules.Users.Contracts;

/// <summary>A message for one form field ("UserName" or "Password"), in the words a cardholder sees.</summary>
public sealed record FieldError(string Field, string Message);

public sealed record UserCommandResult(bool Succeeded, string? UserId, IReadOnlyList<FieldError> Errors)
{
    public static UserCommandResult Success(string userId) => new(true, userId, []);

    public static UserCommandResult Failure(params FieldError[] errors) => new(false, null, errors);
}

/// <summary>Create an online account. User IDs are unique ignoring case.</summary>
public sealed record CreateUser(string UserName, string Password, string? Email = null, bool IsAdmin = false) : IRequest<UserCommandResult>;

/// <summary>Check a proposed user ID and password without creating anything (multi-step forms validate early).</summary>
public sealed record CheckNewCredentials(string? UserName, string? Password) : IRequest<IReadOnlyList<FieldError>>;

/// <summary>Set a new password, ending every other signed-in session of that user.</summary>
public sealed record ResetPassword(string UserId, string NewPassword) : IRequest<UserCommandResult>;

/// <summary>A user's ID as they sign in with it; null when there is no such user.</summary>
public sealed record GetUserName(string UserId) : IRequest<string?>;

/// <summary>What the rules for user IDs and passwords are, to show next to the fields.</summary>
public sealed record GetCredentialRules : IRequest<CredentialRules>;

public sealed record CredentialRules(string UserIdRules, string PasswordRules);

/// <summary>Sign this user in on the current request (a new session cookie), e.g. right after enrolling.</summary>
public sealed record SignInUser(string UserId) : IRequest<bool>;

/// <summary>Remove an online account that was never used (the enrollment that created it lost a race).</summary>
public sealed record DeleteUnusedUser(string UserId) : IRequest;
