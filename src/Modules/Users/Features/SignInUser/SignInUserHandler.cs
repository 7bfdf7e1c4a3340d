using BillCenter.Modules.Users.Contracts;
using BillCenter.Modules.Users.Domain;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace BillCenter.Modules.Users.Features.SignInUser;

internal sealed class SignInUserHandler(UserManager<BillCenterUser> users, SignInManager<BillCenterUser> signIn) : IRequestHandler<Contracts.SignInUser, bool>
{
    public async Task<bool> Handle(Contracts.SignInUser request, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(request.UserId);
        if (user is null)
        {
            return false;
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return true;
    }
}
