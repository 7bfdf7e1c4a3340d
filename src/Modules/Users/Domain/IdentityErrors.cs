using BillCenter.SharedKernel.Web;
using Microsoft.AspNetCore.Identity;

namespace BillCenter.Modules.Users.Domain;

/// <summary>ASP.NET Core Identity's errors, as the field messages a cardholder sees.</summary>
internal static class IdentityErrors
{
    public static FieldError ToFieldError(IdentityError error) => error.Code switch
    {
        "DuplicateUserName" => new FieldError("UserName", "That user ID is taken. Choose a different one"),
        "InvalidUserName" => new FieldError("UserName", UserIdRules.Check(null) ?? error.Description),
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => new FieldError("Password", error.Description),
        _ => new FieldError(string.Empty, error.Description),
    };
}
