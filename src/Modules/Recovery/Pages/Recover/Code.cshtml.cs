using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Preferences.Contracts;
using BillCenter.Modules.Recovery.Domain;
using BillCenter.Modules.Users.Contracts;
using BillCenter.SharedKernel.Security;
using BillCenter.SharedKernel.Web;
using BillCenter.SharedKernel.Web.Journeys;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BillCenter.Modules.Recovery.Pages.Recover;

[AllowAnonymous]
[RateLimitedStep(SecurityStep.EnterCode)]
[RateLimitedStep(SecurityStep.SendCode, Handler = "Resend")]
public sealed class CodeModel(IMediator mediator) : JourneyPage<RecoveryJourney, RecoveryState>
{
    public const string Heading = "Enter your one-time code";

    /// <summary>The answer to a code that is not 6 digits: a typing slip, never counted as a wrong code.</summary>
    public const string FormatMessage = "Enter the 6-digit one-time code we sent you, using numbers only";

    private const string ResentKey = "recover.code.resent";

    [BindProperty]
    public Form Data { get; set; } = new();

    /// <summary>Shown once, on the page after a new code was sent.</summary>
    public string? Resent { get; private set; }

    public void OnGet() => Resent = TempData[ResentKey] as string;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Data.Code))
        {
            ModelState.AddModelError("Data.Code", "Enter the 6-digit one-time code");
            return Page();
        }

        // A typing slip is not a guess: only exactly 6 digits (spaces aside) are checked, and so counted if wrong.
        var code = string.Concat(Data.Code.Where(c => !char.IsWhiteSpace(c)));
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            ModelState.AddModelError("Data.Code", FormatMessage);
            return Page();
        }

        var outcome = await mediator.Send(new Command(State.CodeId!.Value, State.CardAccountId!.Value, code, State.WantsUserId), cancellationToken);
        if (!outcome.Check.IsValid)
        {
            ModelState.AddUniformFailure("Data.Code", outcome.Check.Message, "Data.Code");
            return Page();
        }

        return Go(RecoveryJourney.CodeVerified(State, outcome.Account, outcome.Question));
    }

    /// <summary>Sends a new code, then shows this page again at its own address (post/redirect/get).</summary>
    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        var sent = await mediator.Send(new ResendOneTimeCode(State.CodeId!.Value), cancellationToken);
        if (!sent.Sent)
        {
            ModelState.AddModelError("Data.Code", sent.Problem ?? "We could not send a new code");
            return Page();
        }

        TempData[ResentKey] = $"We sent a new code to {sent.MaskedDestination}. The previous code no longer works.";
        return Go(RecoveryJourney.CodeSent(State, sent.CodeId ?? State.CodeId!.Value, sent.MaskedDestination ?? State.CodeSentTo!));
    }

    public sealed class Form
    {
        public string? Code { get; set; }
    }

    internal sealed record Outcome(CodeCheckResult Check, OnlineAccount? Account, SecurityQuestionPrompt? Question = null);

    /// <summary>
    /// Checks the code for the card account the journey verified; when it is right, and only then, looks up the online
    /// account linked to the card, and picks one of its security questions if it has any. Showing the user ID (when no
    /// question is due) sends the cardholder a notice that it was looked up.
    /// </summary>
    internal sealed record Command(Guid CodeId, Guid CardAccountId, string Code, bool WantsUserId) : IRequest<Outcome>;

    internal sealed class Handler(IMediator mediator) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            var check = await mediator.Send(new VerifyOneTimeCode(request.CodeId, request.CardAccountId, RecoveryJourney.Purpose, request.Code), cancellationToken);
            if (!check.IsValid)
            {
                return new Outcome(check, null);
            }

            var userId = await mediator.Send(new FindLinkedUser(request.CardAccountId), cancellationToken);
            var account = userId is null ? null : await mediator.Send(new GetOnlineAccount(userId), cancellationToken);
            if (account is null)
            {
                return new Outcome(check, null);
            }

            // A security question, when set, is an extra check after the code (never instead of it): nothing is shown before it.
            var question = await mediator.Send(new PickSecurityQuestion(account.UserId), cancellationToken);
            if (request.WantsUserId && question is null)
            {
                await UserIdLookup.RecordAsync(mediator, account.UserId, account.UserName, request.CardAccountId, cancellationToken);
            }

            return new Outcome(check, account, question);
        }
    }
}
