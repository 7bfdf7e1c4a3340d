using BillCenter.Modules.Users.Contracts;
using BillCenter.Modules.Users.Domain;
using BillCenter.Modules.Users.Sessions;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace BillCenter.Modules.Users.Features.SignInUser;

internal sealed class SignInUserHandler(UserManager<BillCenterUser> users, SignInManager<BillCenterUser> signIn, KnownDevices devices) : IRequestHandler<Contracts.SignInUser, bool>
{
    public async Task<bool> Handle(Contracts.SignInUser request, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(request.UserId);
        if (user is null)
        {
            return false;
        }

        // A browser's session is never handed from one user to another (see DatabaseTicketStore.RenewAsync).
        var current = signIn.Context.User;
        if (current.Identity?.IsAuthenticated == true && users.GetUserId(current) != user.Id)
        {
            await signIn.SignOutAsync();
            return false;
        }

        await signIn.SignInAsync(user, isPersistent: false);
        // The browser that just created the online account is known from now on: its next sign-in sends no new-device alert.
        await devices.EnrolledAsync(signIn.Context, user, cancellationToken);
        return true;
    }
}
