using BillCenter.Modules.Users.Contracts;
using BillCenter.Modules.Users.Domain;
using BillCenter.Modules.Users.Features.Passwords;
using BillCenter.SharedKernel.Security;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace BillCenter.Modules.Users.Features.CreateUser;

internal sealed class CheckNewCredentialsHandler(UserManager<BillCenterUser> users) : IRequestHandler<CheckNewCredentials, IReadOnlyList<FieldError>>
{
    public async Task<IReadOnlyList<FieldError>> Handle(CheckNewCredentials request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var userNameError = UserIdRules.Check(request.UserName);
        if (userNameError is null && await users.FindByNameAsync(request.UserName!) is not null)
        {
            userNameError = "That user ID is taken. Choose a different one";
        }

        if (userNameError is not null)
        {
            errors.Add(new FieldError("UserName", userNameError));
        }

        if (request.Password is not null)
        {
            errors.AddRange(PasswordRules.Check(request.Password, request.UserName).Select(m => new FieldError("Password", m)));
        }

        return errors;
    }
}

internal sealed class CreateUserHandler(UserManager<BillCenterUser> users, RoleManager<IdentityRole> roles, IMediator mediator, TimeProvider time)
    : IRequestHandler<Contracts.CreateUser, UserCommandResult>
{
    public async Task<UserCommandResult> Handle(Contracts.CreateUser request, CancellationToken cancellationToken)
    {
        var problems = await mediator.Send(new CheckNewCredentials(request.UserName, request.Password ?? string.Empty), cancellationToken);
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
            return UserCommandResult.Failure([.. created.Errors.Select(ToFieldError)]);
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

    internal static FieldError ToFieldError(IdentityError error) => error.Code switch
    {
        "DuplicateUserName" => new FieldError("UserName", "That user ID is taken. Choose a different one"),
        "InvalidUserName" => new FieldError("UserName", UserIdRules.Check(null) ?? error.Description),
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => new FieldError("Password", error.Description),
        _ => new FieldError(string.Empty, error.Description),
    };
}

internal sealed class GetUserNameHandler(UserManager<BillCenterUser> users) : IRequestHandler<GetUserName, string?>
{
    public async Task<string?> Handle(GetUserName request, CancellationToken cancellationToken) =>
        (await users.FindByIdAsync(request.UserId))?.UserName;
}

internal sealed class GetCredentialRulesHandler : IRequestHandler<GetCredentialRules, CredentialRules>
{
    public Task<CredentialRules> Handle(GetCredentialRules request, CancellationToken cancellationToken) =>
        Task.FromResult(new CredentialRules(UserIdRules.Describe, PasswordRules.Describe));
}
