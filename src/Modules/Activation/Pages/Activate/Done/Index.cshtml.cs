using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BillCenter.Modules.Activation.Pages.Activate.Done;

[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public string Last4 { get; private set; } = string.Empty;

    public bool AlreadyActive { get; private set; }

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public IActionResult OnGet()
    {
        // Only reachable right after an activation: the outcome lives in TempData for one read.
        if (TempData[Activate.IndexModel.Last4Key] is not string last4 || TempData[Activate.IndexModel.OutcomeKey] is not string outcome ||
            !Enum.TryParse<Activate.IndexModel.Outcome>(outcome, out var parsed) || parsed == Activate.IndexModel.Outcome.Failed)
        {
            return RedirectToPage("/Activate/Index");
        }

        Last4 = last4;
        AlreadyActive = parsed == Activate.IndexModel.Outcome.AlreadyActive;
        return Page();
    }
}
