namespace BillCenter.Modules.Users.Domain;

/// <summary>How many failed sign-ins an online account takes, and for how long a code or a lockout lasts.</summary>
internal static class SignInLimits
{
    /// <summary>Identity's lockout: this many failures in a row lock the account for <see cref="LockoutTime"/>.</summary>
    public const int MaxFailuresBeforeLockout = 5;

    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    /// <summary>NIST SP 800-63B §5.2.2: at most 100 failures without a success, then only recovery (a password reset) reopens the account.</summary>
    public const int MaxFailuresBeforeRecovery = 100;

    /// <summary>An admin's second-factor code is good for this long, once.</summary>
    public static readonly TimeSpan CodeValidity = TimeSpan.FromMinutes(10);
}
