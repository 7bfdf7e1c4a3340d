using BillCenter.Modules.Users.Contracts;
using BillCenter.Modules.Users.Domain;
using BillCenter.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace BillCenter.Modules.Users.Features.CreateUserWithPasswordHash;

internal sealed class CreateUserWithPasswordHashHandler(UserManager<BillCenterUser> users, TimeProvider time)
    : IRequestHandler<Contracts.CreateUserWithPasswordHash, UserCommandResult>
{
    public async Task<UserCommandResult> Handle(Contracts.CreateUserWithPasswordHash request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var user = new BillCenterUser { UserName = request.UserName, PasswordHash = request.PasswordHash, CreatedAt = now, PasswordChangedAt = now };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            // A concurrent registration of the same user ID loses here, on the unique index.
            return UserCommandResult.Failure([.. created.Errors.Select(IdentityErrors.ToFieldError)]);
        }

        return UserCommandResult.Success(user.Id);
    }
}
