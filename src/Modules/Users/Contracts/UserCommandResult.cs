using BillCenter.SharedKernel.Web;

namespace BillCenter.Modules.Users.Contracts;

public sealed record UserCommandResult(bool Succeeded, string? UserId, IReadOnlyList<FieldError> Errors)
{
    public static UserCommandResult Success(string userId) => new(true, userId, []);

    public static UserCommandResult Failure(params FieldError[] errors) => new(false, null, errors);
}
