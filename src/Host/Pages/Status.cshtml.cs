using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BillCenter.Host.Pages;

/// <summary>Friendly pages for error status codes (re-executed by UseStatusCodePagesWithReExecute).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Heading { get; private set; } = string.Empty;

    public string Advice { get; private set; } = string.Empty;

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        // Direct visits to /status/404 keep a 200 unless re-executed for a real error.
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            Response.StatusCode = code is >= 400 and < 600 ? code : StatusCodes.Status404NotFound;
        }

        (Heading, Advice) = code switch
        {
            400 => ("Sorry, we could not process that request", "If you were filling in a form, go back, reload the page and try again. Forms expire after a while for your security."),
            403 => ("You do not have access to this page", "You are signed in, but this page is not available to your online account."),
            404 => ("Page not found", "If you typed the web address, check it is correct. If you pasted the web address, check you copied the entire address."),
            429 => ("Too many attempts", "You have tried too many times in a short period. Wait a minute and try again."),
            _ => ("Sorry, there is a problem with the service", "Try again later."),
        };
    }
}
