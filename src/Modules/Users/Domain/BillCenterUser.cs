using Microsoft.AspNetCore.Identity;

namespace BillCenter.Modules.Users.Domain;

/// <summary>An online account: the user ID and password a cardholder (or admin) signs in with.</summary>
internal sealed class BillCenterUser : IdentityUser
{
    public DateTime CreatedAt { get; set; }

    public DateTime? PasswordChangedAt { get; set; }
}
