using BillCenter.Modules.Users.Contracts;
using BillCenter.Modules.Users.Domain;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace BillCenter.Modules.Users.Features.DeleteUnusedUser;

internal sealed class DeleteUnusedUserHandler(UserManager<BillCenterUser> users) : IRequestHandler<Contracts.DeleteUnusedUser>
{
    public async Task<Unit> Handle(Contracts.DeleteUnusedUser request, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(request.UserId) is { } user)
        {
            await users.DeleteAsync(user);
        }

        return Unit.Value;
    }
}
