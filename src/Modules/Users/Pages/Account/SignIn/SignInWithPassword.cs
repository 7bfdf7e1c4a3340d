using BillCenter.Modules.Users.Domain;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace BillCenter.Modules.Users.Pages.Account.SignIn;

internal enum SignInOutcome
{
    SignedIn,
    Refused,
    LockedOut,
}

internal sealed record SignInWithPassword(string? UserName, string? Password) : IRequest<SignInOutcome>;

internal sealed class SignInWithPasswordValidator : AbstractValidator<SignInWithPassword>
{
    public SignInWithPasswordValidator()
    {
        RuleFor(c => c.UserName).NotEmpty().WithMessage("Enter your user ID");
        RuleFor(c => c.Password).NotEmpty().WithMessage("Enter your password");
    }
}

internal sealed class SignInWithPasswordHandler(SignInManager<BillCenterUser> signIn, ILogger<SignInWithPasswordHandler> logger)
    : IRequestHandler<SignInWithPassword, SignInOutcome>
{
    public async Task<SignInOutcome> Handle(SignInWithPassword request, CancellationToken cancellationToken)
    {
        // Failures count towards lockout; the answer is the same whether or not the user ID exists.
        var result = await signIn.PasswordSignInAsync(request.UserName!.Trim(), request.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("A user signed in");
            return SignInOutcome.SignedIn;
        }

        logger.LogInformation("A sign-in was refused{Locked}", result.IsLockedOut ? " (locked out)" : string.Empty);
        return result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Refused;
    }
}
