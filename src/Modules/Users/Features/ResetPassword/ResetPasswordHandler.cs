using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Users.Contracts;
using BillCenter.Modules.Users.Domain;
using BillCenter.Modules.Users.Sessions;
using BillCenter.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace BillCenter.Modules.Users.Features.ResetPassword;

internal sealed class ResetPasswordHandler(UserManager<BillCenterUser> users, UserSessions sessions, IMediator mediator, TimeProvider time) : IRequestHandler<Contracts.ResetPassword, UserCommandResult>
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
        // Recovery is the one way back after too many failed sign-ins (SignInLimits.MaxFailuresBeforeRecovery).
        user.FailedSignInsSinceSuccess = 0;
        var reset = await users.ResetPasswordAsync(user, token, request.NewPassword);
        if (!reset.Succeeded)
        {
            return UserCommandResult.Failure([.. reset.Errors.Select(IdentityErrors.ToFieldError)]);
        }

        // Every session of this user ends now (the reset happens signed out, in enrollment or recovery): each is
        // refused on its next request, on every instance.
        await sessions.EndAllAsync(user.Id, keep: null, SessionEnd.PasswordChanged, cancellationToken);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.PasswordChanged, user.Id, user.UserName, null, "password reset"), cancellationToken);
        return UserCommandResult.Success(user.Id);
    }
}
