using BillCenter.Modules.Accounts.Contracts;
using BillCenter.SharedKernel.Cards;
using BillCenter.SharedKernel.Security;
using BillCenter.SharedKernel.Web;
using BillCenter.SharedKernel.Web.Journeys;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BillCenter.Modules.Enrollment.Pages.Enroll;

/// <summary>Card number + card ID (cards with a card ID).</summary>
[AllowAnonymous]
[CardDataForm]
[RateLimitedStep(SecurityStep.CardCheck)]
public sealed class CardModel(IMediator mediator) : JourneyPage<EnrollmentJourney, EnrollmentState>
{
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
            return Go(EnrollmentJourney.CardVerified(State, card));
        }

        ModelState.AddUniformFailure("Data.CardNumber", Failure, "Data.CardNumber", "Data.CardId");
        return Page();
    }

    public sealed class Form
    {
        public string? CardNumber { get; set; }

        public string? CardId { get; set; }
    }

    /// <summary>The card, when it exists, can enroll (issued or active) and the card ID matches; otherwise null.</summary>
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
            return result.Verified && result.Card!.Status is CardStatus.Active or CardStatus.Issued ? result.Card : null;
        }
    }
}
