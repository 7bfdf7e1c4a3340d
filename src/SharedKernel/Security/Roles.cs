namespace BillCenter.SharedKernel.Security;

/// <summary>Role names shared by the Host and the modules.</summary>
public static class Roles
{
    public const string Admin = "Admin";
}
