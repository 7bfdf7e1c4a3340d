using BillCenter.Modules.Enrollment.Flow;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace BillCenter.Modules.Enrollment.Pages.Enroll;

public sealed class CardModel(IMediator mediator) : EnrollmentPage
{
    public const string Failure = "We could not find a card with those details. Check the card number and the 4-digit card ID and try again.";

    [BindProperty]
    public Form Data { get; set; } = new();

    internal override bool CanShow(EnrollmentState state) => state.Path == EnrollmentPath.CardWithCardId;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var check = await mediator.Send(new CheckCardWithCardId(Data.CardNumber, Data.CardId), cancellationToken);
        return check.Card is { } card
            ? CardVerified(card)
            : UniformFailure("Data.CardNumber", Failure, "Data.CardNumber", "Data.CardId");
    }

    public sealed class Form
    {
        public string? CardNumber { get; set; }

        public string? CardId { get; set; }
    }
}
