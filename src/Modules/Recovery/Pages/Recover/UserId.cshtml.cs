using BillCenter.SharedKernel.Web.Journeys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BillCenter.Modules.Recovery.Pages.Recover;

/// <summary>The user ID, shown only after the one-time code.</summary>
[AllowAnonymous]
public sealed class UserIdModel : JourneyPage<RecoveryJourney, RecoveryState>
{
    public const string Heading = "Your user ID";

    public void OnGet()
    {
    }

    /// <summary>The password too: the same code allows it.</summary>
    public IActionResult OnPost() => Go(RecoveryJourney.AlsoPassword(State));
}
