using BillCenter.Modules.Users.Contracts;
using BillCenter.Modules.Users.Domain;
using BillCenter.SharedKernel.Security;
using BillCenter.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace BillCenter.Modules.Users.Features.CreateUser;

internal sealed class CreateUserHandler(UserManager<BillCenterUser> users, RoleManager<IdentityRole> roles, IMediator mediator, TimeProvider time)
    : IRequestHandler<Contracts.CreateUser, UserCommandResult>
{
    public async Task<UserCommandResult> Handle(Contracts.CreateUser request, CancellationToken cancellationToken)
    {
        var problems = await mediator.Send(new Contracts.CheckNewCredentials(request.UserName, request.Password ?? string.Empty), cancellationToken);
        if (problems.Count > 0)
        {
            return UserCommandResult.Failure([.. problems]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var user = new BillCenterUser { UserName = request.UserName, Email = request.Email, CreatedAt = now, PasswordChangedAt = now };
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            // A concurrent registration of the same user ID loses here, on the unique index.
            return UserCommandResult.Failure([.. created.Errors.Select(IdentityErrors.ToFieldError)]);
        }

        if (request.IsAdmin)
        {
            if (!await roles.RoleExistsAsync(Roles.Admin))
            {
                await roles.CreateAsync(new IdentityRole(Roles.Admin));
            }

            await users.AddToRoleAsync(user, Roles.Admin);
        }

        return UserCommandResult.Success(user.Id);
    }
}
