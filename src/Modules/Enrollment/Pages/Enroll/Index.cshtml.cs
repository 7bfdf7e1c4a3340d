using BillCenter.SharedKernel.Web.Journeys;
using BillCenter.SharedKernel.Web.TagHelpers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BillCenter.Modules.Enrollment.Pages.Enroll;

[AllowAnonymous]
public sealed class IndexModel : JourneyPage<EnrollmentJourney, EnrollmentState>
{
    public static readonly IReadOnlyList<RadioItem> Choices =
    [
        new(nameof(EnrollmentPath.CardWithCardId), "A card with a 4-digit card ID", "Personal and business cards. The card ID is printed on the front of the card."),
        new(nameof(EnrollmentPath.AccountWithoutCardId), "An account without a card ID", "Corporate purchasing, line of credit and consolidator accounts. You will need the billing address."),
    ];

    [BindProperty]
    public Form Data { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Expired { get; set; }

    public void OnGet() => Data.Path = State.Path?.ToString();

    public IActionResult OnPost()
    {
        if (!Enum.TryParse<EnrollmentPath>(Data.Path, out var path) || !Enum.IsDefined(path))
        {
            ModelState.AddModelError("Data.Path", "Select the kind of account you have");
            return Page();
        }

        return Go(EnrollmentJourney.Start(path));
    }

    public sealed class Form
    {
        public string? Path { get; set; }
    }
}
