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

/// <summary>Card number + billing street address + ZIP: for a cancelled card, or an account without a card ID.</summary>
[AllowAnonymous]
[CardDataForm]
[RateLimitedStep(SecurityStep.CardCheck)]
public sealed class AddressModel(IMediator mediator) : JourneyPage<RecoveryJourney, RecoveryState>
{
    public const string Heading = "Enter your billing address";

    public const string Failure = "We could not find an account with those details. Check the card number, billing street address and ZIP code and try again. " + UniformFailure.AfterMoreFailures;

    [BindProperty]
    public Form Data { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new Command(Data.CardNumber, Data.Street, Data.Zip), cancellationToken) is { } card)
        {
            return Go(RecoveryJourney.CardVerified(State, card, RecoveryPath.BillingAddress));
        }

        ModelState.AddUniformFailure("Data.CardNumber", Failure, "Data.CardNumber", "Data.Street", "Data.Zip");
        return Page();
    }

    public sealed class Form
    {
        public string? CardNumber { get; set; }

        public string? Street { get; set; }

        public string? Zip { get; set; }
    }

    /// <summary>
    /// The address matches a cancelled card, or an issued or active card without a card ID, of an open account;
    /// otherwise null. A card that has a card ID and is not cancelled fails (and counts) as a wrong address does.
    /// </summary>
    internal sealed record Command(string? CardNumber, string? Street, string? Zip) : IRequest<VerifiedCard?>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CardNumber).ValidCardNumber();
            RuleFor(c => c.Street).NotEmpty().WithMessage("Enter the billing street address").MaximumLength(200).WithMessage("Street address must be 200 characters or fewer");
            RuleFor(c => c.Zip).ValidZip();
        }
    }

    internal sealed class Handler(IMediator mediator) : IRequestHandler<Command, VerifiedCard?>
    {
        public async Task<VerifiedCard?> Handle(Command request, CancellationToken cancellationToken)
        {
            _ = ZipCode.TryParse(request.Zip, out var zip);
            var result = await mediator.Send(
                new VerifyBillingAddress(CardNumber.Parse(request.CardNumber).Value!, request.Street!, zip, AllowCancelledCard: true, OnlyCardsWithoutCardId: true),
                cancellationToken);
            return result.Verified ? result.Card : null;
        }
    }
}
