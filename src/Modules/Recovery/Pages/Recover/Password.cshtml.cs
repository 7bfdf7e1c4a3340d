using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Users.Contracts;
using BillCenter.SharedKernel.Web;
using BillCenter.SharedKernel.Web.Journeys;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BillCenter.Modules.Recovery.Pages.Recover;

/// <summary>A new password, after the one-time code: single use, within 15 minutes of the code, never signs in.</summary>
[AllowAnonymous]
public sealed class PasswordModel(IMediator mediator) : JourneyPage<RecoveryJourney, RecoveryState>
{
    public const string Heading = "Choose a new password";

    public const string ChangedMeanwhile = "Your password was changed a moment ago, so this new password was not saved";

    [BindProperty]
    public Form Data { get; set; } = new();

    public CredentialRules Rules { get; private set; } = new(string.Empty, string.Empty);

    /// <summary>Another reset of the same online account won: nothing was saved for this one.</summary>
    public bool Lost { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rules = await mediator.Send(new GetCredentialRules(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Rules = await mediator.Send(new GetCredentialRules(), cancellationToken);
        var outcome = await mediator.Send(
            new Command(State.UserId!, State.CredentialVersion!, State.CodeId!.Value, State.CardAccountId!.Value, Data.Password ?? string.Empty), cancellationToken);
        switch (outcome.Result)
        {
            case Result.Reset:
                return Go(RecoveryJourney.PasswordWasReset(State));
            case Result.CodeSpent:
                // This journey already reset the password (an old cookie played again), or the code is too old: start again.
                Journey.End(HttpContext);
                return RedirectToPage(RecoveryJourney.Index, new { expired = true });
            case Result.ChangedMeanwhile:
                Journey.End(HttpContext);
                Lost = true;
                ModelState.AddModelError(string.Empty, ChangedMeanwhile);
                return Page();
            default:
                ModelState.AddFieldErrors(outcome.Errors, nameof(Data));
                return Page();
        }
    }

    public sealed class Form
    {
        public string? Password { get; set; }
    }

    internal enum Result
    {
        Reset,
        Refused,
        CodeSpent,
        ChangedMeanwhile,
    }

    internal sealed record Outcome(Result Result, IReadOnlyList<FieldError> Errors);

    /// <summary>
    /// Checks the password against the rules (nothing spent yet), spends the journey's verified code (single use, and
    /// only within 15 minutes of entering it), resets the password if it has not changed since the code (of two racing
    /// resets one wins), and sends the "your password was changed" security alert to every contact on file.
    /// </summary>
    internal sealed record Command(string UserId, string CredentialVersion, Guid CodeId, Guid CardAccountId, string Password) : IRequest<Outcome>;

    internal sealed class Handler(IMediator mediator) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            var problems = await mediator.Send(new CheckNewPassword(request.UserId, request.Password), cancellationToken);
            if (problems.Count > 0)
            {
                return new Outcome(Result.Refused, problems);
            }

            if (!await mediator.Send(new RedeemVerifiedCode(request.CodeId, request.CardAccountId, RecoveryJourney.Purpose, RecoveryJourney.ResetWindow), cancellationToken))
            {
                return new Outcome(Result.CodeSpent, []);
            }

            var reset = await mediator.Send(new ResetPassword(request.UserId, request.Password, request.CredentialVersion), cancellationToken);
            switch (reset.Outcome)
            {
                case PasswordResetOutcome.Reset:
                    await mediator.Send(new QueueAlert(AlertType.Security, "password-changed", null, request.UserId, new Dictionary<string, string>()), cancellationToken);
                    return new Outcome(Result.Reset, []);
                case PasswordResetOutcome.Refused:
                    return new Outcome(Result.Refused, reset.Errors);
                default:
                    return new Outcome(Result.ChangedMeanwhile, []);
            }
        }
    }
}
