using BillCenter.Modules.Users.Contracts;
using BillCenter.Modules.Users.Domain;
using BillCenter.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace BillCenter.Modules.Users.Features.ResetPassword;

internal sealed class ResetPasswordHandler(UserManager<BillCenterUser> users, TimeProvider time) : IRequestHandler<Contracts.ResetPassword, UserCommandResult>
{
    public async Task<UserCommandResult> Handle(Contracts.ResetPassword request, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(request.UserId);
        if (user is null)
        {
            return UserCommandResult.Failure(new FieldError(string.Empty, "There is no such online account"));
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        user.PasswordChangedAt = time.GetUtcNow().UtcDateTime;
        var reset = await users.ResetPasswordAsync(user, token, request.NewPassword);
        if (!reset.Succeeded)
        {
            return UserCommandResult.Failure([.. reset.Errors.Select(IdentityErrors.ToFieldError)]);
        }

        // A new security stamp invalidates every other session's cookie at its next request.
        await users.UpdateSecurityStampAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return UserCommandResult.Success(user.Id);
    }
}
