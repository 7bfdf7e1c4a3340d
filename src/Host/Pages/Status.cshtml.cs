using System.Globalization;
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

    // Nothing is bound: a re-executed POST whose body could not be read (too large, malformed) still gets its page.
    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var routed) ? routed : StatusCodes.Status404NotFound;
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
            429 => ("Too many attempts", $"You have tried too many times in a short time. For your security, wait {WaitTime()} and try again."),
            _ => ("Sorry, there is a problem with the service", "Try again later."),
        };
    }

    /// <summary>"1 minute", "15 minutes": the refusal's Retry-After, rounded up to whole minutes.</summary>
    private string WaitTime()
    {
        var seconds = int.TryParse(Response.Headers.RetryAfter.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var retryAfter) ? retryAfter : 60;
        var minutes = Math.Max(1, (seconds + 59) / 60);
        return minutes == 1 ? "1 minute" : $"{minutes} minutes";
    }
}
