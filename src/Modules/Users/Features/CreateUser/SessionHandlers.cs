using BillCenter.Modules.Users.Contracts;
using BillCenter.Modules.Users.Domain;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace BillCenter.Modules.Users.Features.CreateUser;

internal sealed class SignInUserHandler(UserManager<BillCenterUser> users, SignInManager<BillCenterUser> signIn) : IRequestHandler<SignInUser, bool>
{
    public async Task<bool> Handle(SignInUser request, CancellationToken cancellationToken)
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

internal sealed class DeleteUnusedUserHandler(UserManager<BillCenterUser> users) : IRequestHandler<DeleteUnusedUser>
{
    public async Task<Unit> Handle(DeleteUnusedUser request, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(request.UserId) is { } user)
        {
            await users.DeleteAsync(user);
        }

        return Unit.Value;
    }
}
