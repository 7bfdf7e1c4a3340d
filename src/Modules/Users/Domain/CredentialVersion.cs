using System.Security.Cryptography;
using System.Text;

namespace BillCenter.Modules.Users.Domain;

/// <summary>
/// An opaque value that changes whenever a user's password does: a digest of Identity's security stamp, so the stamp
/// itself never leaves the module.
/// </summary>
internal static class CredentialVersion
{
    public static string Of(BillCenterUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"credential-version:{user.Id}:{user.SecurityStamp}")), 0, 16);
    }
}
