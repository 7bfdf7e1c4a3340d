namespace BillCenter.SharedKernel.Security;

/// <summary>Authorization policy and role names shared by the Host and the modules.</summary>
public static class Policies
{
    public const string Admin = "Admin";
}
