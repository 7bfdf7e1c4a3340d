using BillCenter.SharedKernel.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BillCenter.Modules.Notifications.Pages.Admin.Notifications;

[Authorize(Policy = Policies.Admin)]
public sealed partial class IndexModel(IMediator mediator) : PageModel
{
    public DeliveryLog Log { get; private set; } = new([], new([], 1, 0), DateTime.UtcNow);

    [TempData]
    public string? Confirmation { get; set; }

    /// <summary>Page <paramref name="failurePage"/> of the failures (1 is the newest; out-of-range numbers show the nearest page).</summary>
    public async Task OnGetAsync(int failurePage, CancellationToken cancellationToken) =>
        Log = await mediator.Send(new GetDeliveryLog(failurePage), cancellationToken);

    public async Task<IActionResult> OnPostRetryAsync(Guid id, int failurePage, CancellationToken cancellationToken)
    {
        Confirmation = await mediator.Send(new RetryNotification(id), cancellationToken)
            ? "The notification will be sent again in a moment."
            : "That notification cannot be retried (it is no longer failed, or it was a one-time code).";
        return RedirectToPage(failurePage > 1 ? new { failurePage } : null);
    }
}
