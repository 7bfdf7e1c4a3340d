using BillCenter.Modules.Accounts.Contracts;
using BillCenter.SharedKernel.Cards;
using BillCenter.SharedKernel.Security;
using BillCenter.SharedKernel.Web;
using BillCenter.SharedKernel.Web.Journeys;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BillCenter.Modules.Recovery.Pages.Recover;

/// <summary>Card number + card ID, with the card checks (and lockout) every self-service flow shares.</summary>
[AllowAnonymous]
[CardDataForm]
[RateLimitedStep(SecurityStep.CardCheck)]
public sealed class CardModel(IMediator mediator) : JourneyPage<RecoveryJourney, RecoveryState>
{
    public const string Heading = "Enter your card details";

    public const string Failure = "We could not find a card with those details. Check the card number and the 4-digit card ID and try again. " + UniformFailure.AfterMoreFailures;

    [BindProperty]
    public Form Data { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new Command(Data.CardNumber, Data.CardId), cancellationToken) is { } card)
        {
            return Go(RecoveryJourney.CardVerified(State, card, RecoveryPath.CardWithCardId));
        }

        ModelState.AddUniformFailure("Data.CardNumber", Failure, "Data.CardNumber", "Data.CardId");
        return Page();
    }

    public sealed class Form
    {
        public string? CardNumber { get; set; }

        public string? CardId { get; set; }
    }

    /// <summary>
    /// The card is issued or active and the card ID matches; otherwise null, whatever the reason (unknown, cancelled or
    /// locked card, wrong card ID). Whether the card has an online account is not asked here: that is told after the code.
    /// </summary>
    internal sealed record Command(string? CardNumber, string? CardId) : IRequest<VerifiedCard?>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CardNumber).ValidCardNumber();
            RuleFor(c => c.CardId).ValidCardId();
        }
    }

    internal sealed class Handler(IMediator mediator) : IRequestHandler<Command, VerifiedCard?>
    {
        public async Task<VerifiedCard?> Handle(Command request, CancellationToken cancellationToken)
        {
            _ = SharedKernel.Cards.CardId.TryParse(request.CardId, out var cardId);
            var result = await mediator.Send(new VerifyCardId(CardNumber.Parse(request.CardNumber).Value!, cardId), cancellationToken);
            return result.Verified ? result.Card : null;
        }
    }
}
