using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Preferences.Contracts;
using BillCenter.Modules.Recovery.Domain;
using BillCenter.SharedKernel.Security;
using BillCenter.SharedKernel.Web;
using BillCenter.SharedKernel.Web.Journeys;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BillCenter.Modules.Recovery.Pages.Recover;

/// <summary>
/// One of the security questions the cardholder set, asked after the one-time code as an extra check (never instead of
/// it). Wrong answers count toward the card account's lockout, as wrong card details do; when it locks, the journey ends.
/// </summary>
[AllowAnonymous]
[RateLimitedStep(SecurityStep.CardCheck)]
public sealed class QuestionModel(IMediator mediator) : JourneyPage<RecoveryJourney, RecoveryState>
{
    public const string Heading = "Answer your security question";

    public const string WrongAnswer = "That answer does not match the one you saved. Check it and try again. " + UniformFailure.AfterMoreFailures;

    /// <summary>Shown on the first page when wrong answers paused the card's online checks and ended the journey.</summary>
    public const string Paused = "Online checks for your card are paused for 24 hours, because of too many wrong answers. We sent a security alert to the contact details on file. If you need help now, call the number on the back of your card.";

    public const string PausedKey = "recover.paused";

    public const int MaxAnswerLength = 100;

    [BindProperty]
    public Form Data { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Data.Answer))
        {
            ModelState.AddModelError("Data.Answer", "Enter your answer");
            return Page();
        }

        if (Data.Answer.Length > MaxAnswerLength)
        {
            ModelState.AddModelError("Data.Answer", $"Your answer must be {MaxAnswerLength} characters or fewer");
            return Page();
        }

        var outcome = await mediator.Send(new Command(State.CardAccountId!.Value, State.UserId!, State.UserName!, State.SecurityQuestionKey!, Data.Answer, State.WantsUserId), cancellationToken);
        switch (outcome)
        {
            case Outcome.Right:
                return Go(RecoveryJourney.AnswerAccepted(State));
            case Outcome.Locked:
                Journey.End(HttpContext);
                TempData[PausedKey] = Paused;
                return RedirectToPage(RecoveryJourney.Index);
            default:
                ModelState.AddModelError("Data.Answer", WrongAnswer);
                return Page();
        }
    }

    public sealed class Form
    {
        public string? Answer { get; set; }
    }

    internal enum Outcome
    {
        Right,
        Wrong,
        Locked,
    }

    /// <summary>Checks the answer under the card account's lockout; a right answer about to show the user ID sends its notice.</summary>
    internal sealed record Command(Guid CardAccountId, string UserId, string UserName, string QuestionKey, string Answer, bool WantsUserId) : IRequest<Outcome>;

    internal sealed class Handler(IMediator mediator) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            var check = await mediator.Send(new BeginHolderCheck(request.CardAccountId), cancellationToken);
            var right = check.MayCheck && await mediator.Send(new CheckSecurityAnswer(request.UserId, request.QuestionKey, request.Answer), cancellationToken);
            var result = !check.MayCheck ? HolderCheckResult.NotChecked : right ? HolderCheckResult.Passed : HolderCheckResult.Failed;
            var locked = await mediator.Send(new EndHolderCheck(request.CardAccountId, check.AttemptId, result), cancellationToken);
            if (right)
            {
                if (request.WantsUserId)
                {
                    await UserIdLookup.RecordAsync(mediator, request.UserId, request.UserName, request.CardAccountId, cancellationToken);
                }

                return Outcome.Right;
            }

            await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.SecurityQuestionFailed, request.UserId, request.UserName, request.CardAccountId, "wrong security answer in recovery"), cancellationToken);
            return locked ? Outcome.Locked : Outcome.Wrong;
        }
    }
}
