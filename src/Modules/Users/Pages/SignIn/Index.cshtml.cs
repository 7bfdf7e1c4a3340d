using System.Security.Claims;
using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Notifications.Contracts;
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
using Microsoft.Extensions.Logging;

namespace BillCenter.Modules.Users.Pages.SignIn;

[AllowAnonymous]
[RateLimitedStep(SecurityStep.SignIn)]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public Command Data { get; set; } = new();

    private const string NoticeKey = "SignIn.Notice";

    [BindProperty(SupportsGet = true, Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public string? Notice { get; private set; }

    public void OnGet() => Notice = TempData[NoticeKey] as string;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await mediator.Send(Data, cancellationToken);
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
        switch (outcome)
        {
            case Outcome.SignedIn:
                return LocalRedirect(returnUrl ?? "/accounts");
            case Outcome.SecondFactor:
                return RedirectToPage("Code", new { returnUrl });
            case Outcome.SignedOutFirst:
                TempData[NoticeKey] = "You were signed in as someone else in this browser. We signed you out of that online account: sign in again to continue.";
                return RedirectToPage(new { returnUrl });
            case Outcome.NoCodeDestination:
                ModelState.AddModelError("Data.UserName", "We cannot send you a one-time code: there is no email address on file for this online account. Contact support");
                return Page();
            default:
                // One message whatever went wrong: it never tells whether the user ID exists or the account is locked.
                ModelState.AddModelError("Data.UserName", RefusedMessage);
                return Page();
        }
    }

    /// <summary>The one answer to an unknown user ID, a wrong password and a locked account alike.</summary>
    public const string RefusedMessage =
        "Enter a correct user ID and password. After 5 wrong attempts an online account is locked for 15 minutes";

    public enum Outcome
    {
        SignedIn,

        /// <summary>Unknown user ID, wrong password or locked account: the page does not say which.</summary>
        Refused,

        /// <summary>The password was right and the user is an admin: a code was sent, the code page comes next.</summary>
        SecondFactor,

        /// <summary>An admin with no email on file cannot get a code.</summary>
        NoCodeDestination,

        /// <summary>The browser was signed in as another user: that session ended, and sign-in starts afresh.</summary>
        SignedOutFirst,
    }

    /// <summary>The sign-in form, sent as it is.</summary>
    public sealed class Command : IRequest<Outcome>
    {
        public string? UserName { get; set; }

        public string? Password { get; set; }
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UserName).NotEmpty().WithMessage("Enter your user ID");
            RuleFor(c => c.Password).NotEmpty().WithMessage("Enter your password");
        }
    }

    internal sealed class Handler(
        SignInManager<BillCenterUser> signIn, SignInAttempts attempts, KnownDevices devices, IMediator mediator, ILogger<Handler> logger)
        : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            var userName = request.UserName!.Trim();

            // A browser's session key is never handed from one user to another: end the other user's session here,
            // and sign in on the next request, which carries no live session.
            var current = signIn.Context.User.Identity;
            if (current?.IsAuthenticated == true && !string.Equals(current.Name, userName, StringComparison.OrdinalIgnoreCase))
            {
                await signIn.SignOutAsync();
                return Outcome.SignedOutFirst;
            }

            var check = await attempts.CheckPasswordAsync(userName, request.Password!, cancellationToken);
            if (check.Outcome != SignInCheck.Passed)
            {
                logger.LogInformation("A sign-in was refused");
                await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.SignInFailed, check.User?.Id, userName, null, Detail(check.Outcome)), cancellationToken);
                if (check.LockedNow)
                {
                    await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.UserLockedOut, check.User!.Id, check.User.UserName, null, "too many failed sign-ins"), cancellationToken);
                }

                return Outcome.Refused;
            }

            var user = check.User!;
            if (await signIn.UserManager.IsInRoleAsync(user, Roles.Admin))
            {
                // PCI DSS 8.4.1: an admin also proves a second factor. The failure counters stay as they are until
                // the code is right, so a known password cannot be used to reset them between wrong codes.
                return await SendCodeAsync(user, cancellationToken);
            }

            await attempts.ResetAsync(user, cancellationToken);
            await signIn.SignInAsync(user, isPersistent: false);
            logger.LogInformation("A user signed in");
            await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.SignInSucceeded, user.Id, user.UserName), cancellationToken);
            await devices.SignedInAsync(signIn.Context, user, cancellationToken);
            return Outcome.SignedIn;
        }

        private async Task<Outcome> SendCodeAsync(BillCenterUser user, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(user.Email))
            {
                logger.LogWarning("An admin without an email address on file cannot get a sign-in code");
                return Outcome.NoCodeDestination;
            }

            var code = await attempts.IssueCodeAsync(user, cancellationToken);
            var sentTo = await mediator.Send(new SendSignInCode(user.Id, user.Email, code, (int)SignInLimits.CodeValidity.TotalMinutes), cancellationToken);

            // Who is half-way through signing in: Identity's short-lived two-factor cookie (never a session).
            var pending = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Id)], IdentityConstants.TwoFactorUserIdScheme);
            await signIn.Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(pending));
            await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.SecondFactorSent, user.Id, user.UserName, null, $"code sent by email to {sentTo}"), cancellationToken);
            return Outcome.SecondFactor;
        }

        private static string Detail(SignInCheck outcome) => outcome switch
        {
            SignInCheck.UnknownUser => "unknown user ID",
            SignInCheck.Locked => "locked",
            _ => "wrong password",
        };
    }
}
