using BillCenter.Modules.Users.Domain;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace BillCenter.Modules.Users.Features.HashNewPassword;

internal sealed class HashNewPasswordHandler(UserManager<BillCenterUser> users) : IRequestHandler<Contracts.HashNewPassword, string>
{
    public Task<string> Handle(Contracts.HashNewPassword request, CancellationToken cancellationToken) =>
        Task.FromResult(users.PasswordHasher.HashPassword(new BillCenterUser(), request.Password));
}
