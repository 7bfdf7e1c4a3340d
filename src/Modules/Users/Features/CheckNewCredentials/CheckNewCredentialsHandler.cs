using BillCenter.Modules.Users.Contracts;
using BillCenter.Modules.Users.Domain;
using BillCenter.SharedKernel.Security;
using BillCenter.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace BillCenter.Modules.Users.Features.CheckNewCredentials;

internal sealed class CheckNewCredentialsHandler(UserManager<BillCenterUser> users) : IRequestHandler<Contracts.CheckNewCredentials, IReadOnlyList<FieldError>>
{
    public async Task<IReadOnlyList<FieldError>> Handle(Contracts.CheckNewCredentials request, CancellationToken cancellationToken)
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
