using BillCenter.SharedKernel.Web.Journeys;
using Microsoft.AspNetCore.Authorization;

namespace BillCenter.Modules.Recovery.Pages.Recover;

/// <summary>The password is reset; the cardholder is not signed in.</summary>
[AllowAnonymous]
public sealed class DoneModel : JourneyPage<RecoveryJourney, RecoveryState>
{
    public const string Heading = "Your password has been changed";

    public void OnGet()
    {
    }
}
