using BillCenter.Modules.Users.Contracts;
using BillCenter.Modules.Users.Domain;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace BillCenter.Modules.Users.Features.GetOnlineAccount;

internal sealed class GetOnlineAccountHandler(UserManager<BillCenterUser> users) : IRequestHandler<Contracts.GetOnlineAccount, OnlineAccount?>
{
    public async Task<OnlineAccount?> Handle(Contracts.GetOnlineAccount request, CancellationToken cancellationToken) =>
        await users.FindByIdAsync(request.UserId) is { UserName: { } userName } user
            ? new OnlineAccount(user.Id, userName, CredentialVersion.Of(user))
            : null;
}
