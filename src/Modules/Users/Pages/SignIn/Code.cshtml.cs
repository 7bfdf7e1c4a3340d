using System.Security.Claims;
using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Users.Domain;
using BillCenter.Modules.Users.Sessions;
using BillCenter.SharedKernel.Security;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BillCenter.Modules.Users.Pages.SignIn;

/// <summary>
/// The second page of an admin's sign-in (PCI DSS 8.4.1): the 6-digit code emailed after the right password. Wrong
/// codes count toward the account's lockout like wrong passwords; the right code works once, for 10 minutes, and
/// gives a session that carries the second-factor claim the Admin policy asks for.
/// </summary>
[AllowAnonymous]
public sealed class CodeModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public Command Data { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        (await HttpContext.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme)).Succeeded ? Page() : RedirectToPage("Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        switch (await mediator.Send(Data, cancellationToken))
        {
            case Outcome.Passed:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin");
            case Outcome.NoSignInUnderway:
                return RedirectToPage("Index");
            default:
                ModelState.AddModelError("Data.Code", WrongMessage);
                return Page();
        }
    }

    /// <summary>The one answer to a wrong, used or expired code, and to a code entered on a locked account.</summary>
    public const string WrongMessage = "Enter the one-time code we sent you. If it is more than 10 minutes old, sign in again to get a new one";

    public enum Outcome
    {
        Passed,
        Refused,

        /// <summary>No password was checked in this browser in the last 10 minutes.</summary>
        NoSignInUnderway,
    }

    public sealed class Command : IRequest<Outcome>
    {
        public string? Code { get; set; }
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Code).NotEmpty().WithMessage("Enter the one-time code");
    }

    internal sealed class Handler(SignInManager<BillCenterUser> signIn, SignInAttempts attempts, KnownDevices devices, IMediator mediator) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await signIn.GetTwoFactorAuthenticationUserAsync();
            if (user is null)
            {
                return Outcome.NoSignInUnderway;
            }

            if (await attempts.IsClosedAsync(user))
            {
                await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.SecondFactorFailed, user.Id, user.UserName, null, "locked"), cancellationToken);
                return Outcome.Refused;
            }

            if (!await attempts.UseCodeAsync(user, request.Code, cancellationToken))
            {
                var lockedNow = await attempts.RecordFailureAsync(user, cancellationToken);
                await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.SecondFactorFailed, user.Id, user.UserName, null, "wrong code"), cancellationToken);
                if (lockedNow)
                {
                    await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.UserLockedOut, user.Id, user.UserName, null, "too many failed sign-ins"), cancellationToken);
                }

                return Outcome.Refused;
            }

            await attempts.ResetAsync(user, cancellationToken);
            await signIn.Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(Policies.SecondFactorClaim, Policies.SecondFactorPassed)]);
            await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.SecondFactorPassed, user.Id, user.UserName), cancellationToken);
            await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.SignInSucceeded, user.Id, user.UserName, null, "with a second factor"), cancellationToken);
            await devices.SignedInAsync(signIn.Context, user, cancellationToken);
            return Outcome.Passed;
        }
    }
}
