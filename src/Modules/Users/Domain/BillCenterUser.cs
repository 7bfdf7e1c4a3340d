using Microsoft.AspNetCore.Identity;

namespace BillCenter.Modules.Users.Domain;

/// <summary>An online account: the user ID and password a cardholder (or admin) signs in with.</summary>
internal sealed class BillCenterUser : IdentityUser
{
    public DateTime CreatedAt { get; set; }

    public DateTime? PasswordChangedAt { get; set; }

    /// <summary>
    /// Failed sign-ins (passwords and second-factor codes) since the last success. Unlike Identity's lockout counter it
    /// is not reset by a lockout: at <see cref="SignInLimits.MaxFailuresBeforeRecovery"/> only recovery reopens the account.
    /// </summary>
    public int FailedSignInsSinceSuccess { get; set; }

    /// <summary>The keyed hash of the admin's pending sign-in code; null once used (single use) or never sent.</summary>
    public string? SignInCodeHash { get; set; }

    public DateTime? SignInCodeExpiresAt { get; set; }
}
