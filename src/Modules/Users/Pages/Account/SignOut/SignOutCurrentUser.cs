using BillCenter.Modules.Users.Domain;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace BillCenter.Modules.Users.Pages.Account.SignOut;

internal sealed record SignOutCurrentUser : IRequest;

internal sealed class SignOutCurrentUserHandler(SignInManager<BillCenterUser> signIn) : IRequestHandler<SignOutCurrentUser>
{
    public async Task<MediatR.Unit> Handle(SignOutCurrentUser request, CancellationToken cancellationToken)
    {
        await signIn.SignOutAsync();
        return MediatR.Unit.Value;
    }
}
