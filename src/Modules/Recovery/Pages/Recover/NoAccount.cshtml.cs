using BillCenter.SharedKernel.Web.Journeys;
using Microsoft.AspNetCore.Authorization;

namespace BillCenter.Modules.Recovery.Pages.Recover;

/// <summary>Shown only after the one-time code: this card has no online account (enrollment is offered, unless the card is cancelled).</summary>
[AllowAnonymous]
public sealed class NoAccountModel : JourneyPage<RecoveryJourney, RecoveryState>
{
    public const string Heading = "This card has no online account";

    public void OnGet()
    {
    }
}
