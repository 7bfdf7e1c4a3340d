using BillCenter.Modules.Users.Domain;
using BillCenter.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace BillCenter.Modules.Users.Features.CheckNewPassword;

internal sealed class CheckNewPasswordHandler(UserManager<BillCenterUser> users) : IRequestHandler<Contracts.CheckNewPassword, IReadOnlyList<FieldError>>
{
    public async Task<IReadOnlyList<FieldError>> Handle(Contracts.CheckNewPassword request, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(request.UserId);
        return [.. PasswordRules.Check(request.Password, user?.UserName).Select(m => new FieldError("Password", m))];
    }
}
