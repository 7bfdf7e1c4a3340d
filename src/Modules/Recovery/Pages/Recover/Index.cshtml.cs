using BillCenter.SharedKernel.Web.Journeys;
using BillCenter.SharedKernel.Web.TagHelpers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BillCenter.Modules.Recovery.Pages.Recover;

/// <summary>What the cardholder needs: their user ID, a new password, or both.</summary>
[AllowAnonymous]
public sealed class IndexModel : JourneyPage<RecoveryJourney, RecoveryState>
{
    public const string Heading = "What do you need help with?";

    public static readonly IReadOnlyList<RadioItem> Choices =
    [
        new(nameof(RecoveryNeed.UserId), "I forgot my user ID"),
        new(nameof(RecoveryNeed.Password), "I forgot my password", "You will choose a new one."),
        new(nameof(RecoveryNeed.Both), "I forgot both my user ID and my password"),
    ];

    [BindProperty]
    public Form Data { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Expired { get; set; }

    /// <summary>Why the last journey ended early (wrong security answers paused the card's checks), shown once.</summary>
    public string? Paused { get; private set; }

    public void OnGet()
    {
        Data.Need = State.Need?.ToString();
        Paused = TempData[QuestionModel.PausedKey] as string;
    }

    public IActionResult OnPost()
    {
        if (!Enum.TryParse<RecoveryNeed>(Data.Need, out var need) || !Enum.IsDefined(need) || Choices.All(c => c.Value != Data.Need))
        {
            ModelState.AddModelError("Data.Need", "Select what you need help with");
            return Page();
        }

        return Go(RecoveryJourney.Start(need));
    }

    public sealed class Form
    {
        public string? Need { get; set; }
    }
}
