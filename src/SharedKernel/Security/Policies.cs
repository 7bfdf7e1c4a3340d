namespace BillCenter.SharedKernel.Security;

/// <summary>Authorization policy and role names shared by the Host and the modules.</summary>
public static class Policies
{
    /// <summary>Admins only, signed in with a second factor (PCI DSS 8.4.1): the admin pages and the jobs dashboard.</summary>
    public const string Admin = "Admin";

    /// <summary>The claim a session carries once its user passed a second factor ("amr", RFC 8176).</summary>
    public const string SecondFactorClaim = "amr";

    /// <summary>The <see cref="SecondFactorClaim"/> value for a session that passed a second factor.</summary>
    public const string SecondFactorPassed = "mfa";
}
