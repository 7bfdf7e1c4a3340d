using System.Security.Claims;
using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Users.Contracts;
using BillCenter.Modules.Users.Domain;
using BillCenter.Modules.Users.Sessions;
using BillCenter.SharedKernel.Security;
using BillCenter.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

namespace BillCenter.Modules.Users.Pages.Preferences.Password;

/// <summary>
/// Change the password: the current one (a wrong one counts toward the sign-in lockout) and a new one under the same
/// rules as everywhere else. The "your password was changed" alert is queued before the change, so it goes to the
/// contact details on file at that moment; every other browser is signed out, this one stays signed in.
/// </summary>
[Authorize]
[RateLimitedStep(SecurityStep.SignIn)]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    private const string NoticeKey = "Password.Notice";

    [BindProperty]
    public Command Data { get; set; } = new();

    public CredentialRules Rules { get; private set; } = new(string.Empty, string.Empty);

    public string UserName => User.Identity?.Name ?? string.Empty;

    public string? Notice { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Notice = TempData[NoticeKey] as string;
        Rules = await mediator.Send(new GetCredentialRules(), cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Rules = await mediator.Send(new GetCredentialRules(), cancellationToken);
        Data.UserId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        Data.SessionId = User.FindFirstValue(SessionClaims.SessionId);
        var outcome = await mediator.Send(Data, cancellationToken);
        switch (outcome.Result)
        {
            case Result.Changed:
                TempData[NoticeKey] = ChangedMessage;
                return RedirectToPage();
            case Result.Locked:
                TempData["SignIn.Notice"] = ConfirmPassword.IndexModel.LockedMessage;
                return LocalRedirect("/sign-in");
            default:
                ModelState.AddFieldErrors(outcome.Errors, nameof(Data));
                return Page();
        }
    }

    public const string ChangedMessage =
        "Your password was changed. We signed out every other browser signed in to your online account and sent a security alert to your contact details on file.";

    public const string WrongCurrentMessage =
        "Your current password is not right. After 5 wrong attempts your online account is locked for 15 minutes";

    public enum Result
    {
        Changed,
        Refused,

        /// <summary>Too many wrong current passwords: the account is locked and its sessions have ended.</summary>
        Locked,
    }

    public sealed record Outcome(Result Result, IReadOnlyList<FieldError> Errors);

    /// <summary>The form; the user and the session are the signed-in ones, never the form's.</summary>
    public sealed class Command : IRequest<Outcome>
    {
        public string? CurrentPassword { get; set; }

        public string? NewPassword { get; set; }

        [BindNever]
        public string UserId { get; set; } = string.Empty;

        [BindNever]
        public string? SessionId { get; set; }
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Enter your current password");
            RuleFor(c => c.NewPassword).NotEmpty().WithMessage("Enter a new password");
        }
    }

    internal sealed class Handler(
        UserManager<BillCenterUser> users, SignInManager<BillCenterUser> signIn, SignInAttempts attempts, UserSessions sessions, IMediator mediator, ILogger<Handler> logger)
        : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(request.UserId);
            var check = await attempts.CheckPasswordAsync(user?.UserName ?? string.Empty, request.CurrentPassword!, cancellationToken);
            if (check.Outcome != SignInCheck.Passed)
            {
                logger.LogInformation("A password change was refused: wrong current password");
                await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.SignInFailed, user?.Id, user?.UserName, null, "wrong current password when changing it"), cancellationToken);
                if (check.LockedNow)
                {
                    await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.UserLockedOut, user!.Id, user.UserName, null, "too many wrong passwords"), cancellationToken);
                }

                if (check.Outcome == SignInCheck.Locked || check.LockedNow)
                {
                    await signIn.SignOutAsync();
                    return new Outcome(Result.Locked, []);
                }

                return new Outcome(Result.Refused, [new FieldError(nameof(Command.CurrentPassword), WrongCurrentMessage)]);
            }

            user = check.User!;
            await attempts.ResetAsync(user, cancellationToken);
            var problems = await mediator.Send(new CheckNewPassword(user.Id, request.NewPassword), cancellationToken);
            if (problems.Count > 0)
            {
                return new Outcome(Result.Refused, [.. problems.Select(p => p with { Field = nameof(Command.NewPassword) })]);
            }

            // The alert goes to the contact details on file before anything changes.
            await mediator.Send(new QueueAlert(AlertType.Security, "password-changed", null, user.Id, new Dictionary<string, string>()), cancellationToken);
            var changed = await mediator.Send(new ResetPassword(user.Id, request.NewPassword!, CredentialVersion.Of(user), request.SessionId), cancellationToken);
            if (!changed.Succeeded)
            {
                IReadOnlyList<FieldError> errors = changed.Outcome == PasswordResetOutcome.ChangedMeanwhile
                    ? [new FieldError(nameof(Command.CurrentPassword), "Your password was changed in another browser meanwhile. Enter your current password again")]
                    : [.. changed.Errors.Select(p => p with { Field = nameof(Command.NewPassword) })];
                return new Outcome(Result.Refused, errors);
            }

            if (UserSessions.ParseId(request.SessionId) is { } sessionId)
            {
                await sessions.MarkPasswordEnteredAsync(sessionId, user.Id, cancellationToken);
            }

            logger.LogInformation("A user changed the password");
            return new Outcome(Result.Changed, []);
        }
    }
}
