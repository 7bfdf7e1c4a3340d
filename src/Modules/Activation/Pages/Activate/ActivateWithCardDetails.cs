using BillCenter.Modules.Accounts.Contracts;
using BillCenter.SharedKernel.Cards;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Logging;

namespace BillCenter.Modules.Activation.Pages.Activate;

internal enum ActivationOutcome
{
    Activated,
    AlreadyActive,
    Failed,
}

/// <summary>What the confirmation needs and nothing more: the outcome and, on success, the card's last four digits.</summary>
internal sealed record ActivationResult(ActivationOutcome Outcome, string? Last4)
{
    public static ActivationResult Failed { get; } = new(ActivationOutcome.Failed, null);
}

internal sealed record ActivateWithCardDetails(string? CardNumber, string? CardId) : IRequest<ActivationResult>;

internal sealed class ActivateWithCardDetailsValidator : AbstractValidator<ActivateWithCardDetails>
{
    public ActivateWithCardDetailsValidator()
    {
        RuleFor(c => c.CardNumber).Custom((number, context) =>
        {
            var parsed = SharedKernel.Cards.CardNumber.Parse(number);
            if (!parsed.IsValid)
            {
                context.AddFailure(parsed.Message);
            }
        });
        RuleFor(c => c.CardId).Custom((cardId, context) =>
        {
            if (SharedKernel.Cards.CardId.Validate(cardId) is { } message)
            {
                context.AddFailure(message);
            }
        });
    }
}

internal sealed class ActivateWithCardDetailsHandler(IMediator mediator, ILogger<ActivateWithCardDetailsHandler> logger)
    : IRequestHandler<ActivateWithCardDetails, ActivationResult>
{
    public async Task<ActivationResult> Handle(ActivateWithCardDetails request, CancellationToken cancellationToken)
    {
        // The validator has run: both parse.
        var number = SharedKernel.Cards.CardNumber.Parse(request.CardNumber).Value!;
        _ = SharedKernel.Cards.CardId.TryParse(request.CardId, out var cardId);

        // Unknown, cancelled, replaced, locked or a wrong card ID: one answer, counted by the Accounts lockout.
        var verification = await mediator.Send(new VerifyCardId(number, cardId), cancellationToken);
        if (!verification.Verified || verification.Card is not { } card)
        {
            return ActivationResult.Failed;
        }

        if (card.Status == CardStatus.Active)
        {
            return new ActivationResult(ActivationOutcome.AlreadyActive, card.Last4);
        }

        var outcome = await mediator.Send(new ActivateCard(card.CardId), cancellationToken);
        logger.LogInformation("Activation of card {CardId}: {Outcome}", card.CardId, outcome);
        return outcome switch
        {
            CardActivationOutcome.Activated => new ActivationResult(ActivationOutcome.Activated, card.Last4),
            CardActivationOutcome.AlreadyActive => new ActivationResult(ActivationOutcome.AlreadyActive, card.Last4),
            _ => ActivationResult.Failed,
        };
    }
}
