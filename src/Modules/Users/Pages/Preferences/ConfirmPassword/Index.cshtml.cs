using System.Security.Claims;
using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Users.Contracts;
using BillCenter.Modules.Users.Domain;
using BillCenter.Modules.Users.Sessions;
using BillCenter.SharedKernel.Security;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

namespace BillCenter.Modules.Users.Pages.Preferences.ConfirmPassword;

/// <summary>
/// The step-up prompt of <see cref="RequireRecentPasswordAttribute"/>: the signed-in user types the password again,
/// and this session may change security settings for the next 5 minutes. A wrong password counts toward the same
/// lockout as a wrong password at sign-in.
/// </summary>
[Authorize]
[RateLimitedStep(SecurityStep.SignIn)]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public Command Data { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public string UserName => User.Identity?.Name ?? string.Empty;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Data.UserId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        Data.SessionId = User.FindFirstValue(SessionClaims.SessionId);
        switch (await mediator.Send(Data, cancellationToken))
        {
            case Outcome.Confirmed:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/accounts");
            case Outcome.Locked:
                // The lockout ended every session of the account, this one included.
                TempData["SignIn.Notice"] = LockedMessage;
                return LocalRedirect("/sign-in");
            default:
                ModelState.AddModelError("Data.Password", WrongMessage);
                return Page();
        }
    }

    public const string WrongMessage =
        "The password is not right. Enter the password you use to sign in. After 5 wrong attempts your online account is locked for 15 minutes";

    public const string LockedMessage =
        "Your online account is locked after too many wrong passwords, and you were signed out. Sign in again after 15 minutes, or recover your password";

    public enum Outcome
    {
        Confirmed,
        Wrong,

        /// <summary>The account is locked (by this attempt or before): its sessions have ended.</summary>
        Locked,
    }

    /// <summary>The password typed again; the user and the session are the signed-in ones, never the form's.</summary>
    public sealed class Command : IRequest<Outcome>
    {
        public string? Password { get; set; }

        [BindNever]
        public string UserId { get; set; } = string.Empty;

        [BindNever]
        public string? SessionId { get; set; }
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Password).NotEmpty().WithMessage("Enter your password");
    }

    internal sealed class Handler(
        UserManager<BillCenterUser> users, SignInManager<BillCenterUser> signIn, SignInAttempts attempts, UserSessions sessions, IMediator mediator, ILogger<Handler> logger)
        : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(request.UserId);
            var check = await attempts.CheckPasswordAsync(user?.UserName ?? string.Empty, request.Password!, cancellationToken);
            if (check.Outcome != SignInCheck.Passed || UserSessions.ParseId(request.SessionId) is not { } sessionId
                || !await sessions.MarkPasswordEnteredAsync(sessionId, check.User!.Id, cancellationToken))
            {
                logger.LogInformation("A password confirmation was refused");
                await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.SignInFailed, user?.Id, user?.UserName, null, "wrong password when confirming it"), cancellationToken);
                if (check.LockedNow)
                {
                    await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.UserLockedOut, user!.Id, user.UserName, null, "too many wrong passwords"), cancellationToken);
                }

                if (check.Outcome == SignInCheck.Locked || check.LockedNow)
                {
                    await signIn.SignOutAsync();
                    return Outcome.Locked;
                }

                return Outcome.Wrong;
            }

            await attempts.ResetAsync(check.User!, cancellationToken);
            logger.LogInformation("A user confirmed the password");
            return Outcome.Confirmed;
        }
    }
}
