using BillCenter.Modules.Accounts.Contracts;
using BillCenter.SharedKernel.Cards;
using BillCenter.SharedKernel.Security;
using BillCenter.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

namespace BillCenter.Modules.Activation.Pages.Activate;

[AllowAnonymous]
[CardDataForm]
[RateLimitedStep(SecurityStep.CardCheck)]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const string UniformFailure = "We could not activate a card with those details. Check the card number and card ID and try again. " + SharedKernel.Web.UniformFailure.AfterMoreFailures;

    /// <summary>TempData keys of the confirmation: the outcome and the last four digits, never the card number.</summary>
    public const string OutcomeKey = "activation.outcome";
    public const string Last4Key = "activation.last4";

    [BindProperty]
    public Command Data { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(Data, cancellationToken);
        if (result.Outcome == Outcome.Failed)
        {
            // The message does not say which detail was wrong; neither detail is written back into the page.
            ModelState.AddUniformFailure("Data.CardNumber", UniformFailure, "Data.CardNumber", "Data.CardId");
            return Page();
        }

        TempData[OutcomeKey] = result.Outcome.ToString();
        TempData[Last4Key] = result.Last4;
        return RedirectToPage("/Activate/Done/Index");
    }

    public enum Outcome
    {
        Activated,
        AlreadyActive,
        Failed,
    }

    /// <summary>What the confirmation needs and nothing more: the outcome and, on success, the card's last four digits.</summary>
    public sealed record Result(Outcome Outcome, string? Last4)
    {
        public static Result Failed { get; } = new(Outcome.Failed, null);
    }

    /// <summary>The details on the front of the card, as typed.</summary>
    public sealed class Command : IRequest<Result>
    {
        public string? CardNumber { get; set; }

        public string? CardId { get; set; }
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CardNumber).ValidCardNumber();
            RuleFor(c => c.CardId).ValidCardId();
        }
    }

    internal sealed class Handler(IMediator mediator, ILogger<Handler> logger) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            // The validator has run: both parse.
            var number = CardNumber.Parse(request.CardNumber).Value!;
            _ = CardId.TryParse(request.CardId, out var cardId);

            // Unknown, cancelled, replaced, locked or a wrong card ID: one answer, counted by the Accounts lockout.
            var verification = await mediator.Send(new VerifyCardId(number, cardId), cancellationToken);
            if (!verification.Verified || verification.Card is not { } card)
            {
                return Result.Failed;
            }

            if (card.Status == CardStatus.Active)
            {
                return new Result(Outcome.AlreadyActive, card.Last4);
            }

            var outcome = await mediator.Send(new ActivateCard(card.CardId), cancellationToken);
            logger.LogInformation("Activation of card {CardId}: {Outcome}", card.CardId, outcome);
            return outcome switch
            {
                CardActivationOutcome.Activated => new Result(Outcome.Activated, card.Last4),
                CardActivationOutcome.AlreadyActive => new Result(Outcome.AlreadyActive, card.Last4),
                _ => Result.Failed,
            };
        }
    }
}
