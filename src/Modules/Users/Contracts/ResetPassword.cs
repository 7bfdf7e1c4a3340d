using BillCenter.SharedKernel.Web;
using MediatR;

namespace BillCenter.Modules.Users.Contracts;

/// <summary>
/// Set a new password (checked against the password rules) for a user who proved who they are another way (a one-time
/// code in recovery). In one statement it sets the hash and clears the failed-sign-in lockout, the 100-failures
/// closure included; in the same transaction every session of the user ends (each is refused on its next request).
/// With <paramref name="CredentialVersion"/> (from <see cref="GetOnlineAccount"/>) the reset happens only if the
/// password has not changed since: of two racing resets exactly one wins, the other gets
/// <see cref="PasswordResetOutcome.ChangedMeanwhile"/> and nothing is saved for it. A signed-in user changing the
/// password passes <paramref name="KeepSessionId"/> (from <see cref="SessionClaims.SessionId"/>): that session stays,
/// every other one ends.
/// </summary>
public sealed record ResetPassword(string UserId, string NewPassword, string? CredentialVersion = null, string? KeepSessionId = null) : IRequest<PasswordResetResult>;

public enum PasswordResetOutcome
{
    Reset = 1,

    /// <summary>The password does not meet the rules: see the errors (field "Password").</summary>
    Refused = 2,

    /// <summary>The password was changed (or reset) after the credential version was read.</summary>
    ChangedMeanwhile = 3,

    NoSuchUser = 4,
}

public sealed record PasswordResetResult(PasswordResetOutcome Outcome, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Outcome == PasswordResetOutcome.Reset;
}
