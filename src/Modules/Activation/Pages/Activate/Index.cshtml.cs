using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BillCenter.Modules.Activation.Pages.Activate;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const string UniformFailure = "We could not activate a card with those details. Check the card number and card ID and try again.";

    /// <summary>TempData keys of the confirmation: the outcome and the last four digits, never the card number.</summary>
    public const string OutcomeKey = "activation.outcome";
    public const string Last4Key = "activation.last4";

    [BindProperty]
    public CardDetails Data { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new ActivateWithCardDetails(Data.CardNumber, Data.CardId), cancellationToken);
        if (result.Outcome == ActivationOutcome.Failed)
        {
            // The card ID is not written back into the page; the message does not say which detail was wrong.
            ModelState.Remove("Data.CardId");
            Data.CardId = null;
            ModelState.AddModelError(string.Empty, UniformFailure);
            return Page();
        }

        TempData[OutcomeKey] = result.Outcome.ToString();
        TempData[Last4Key] = result.Last4;
        return RedirectToPage("/Activate/Done/Index");
    }

    public sealed class CardDetails
    {
        public string? CardNumber { get; set; }

        public string? CardId { get; set; }
    }
}
