using BillCenter.SharedKernel.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BillCenter.Modules.Notifications.Pages.Admin.Notifications;

[Authorize(Policy = Policies.Admin)]
public sealed partial class IndexModel(IMediator mediator) : PageModel
{
    public DeliveryLog Log { get; private set; } = new([], [], DateTime.UtcNow);

    [TempData]
    public string? Confirmation { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Log = await mediator.Send(new GetDeliveryLog(), cancellationToken);

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken cancellationToken)
    {
        Confirmation = await mediator.Send(new RetryNotification(id), cancellationToken)
            ? "The notification will be sent again in a moment."
            : "That notification cannot be retried (it is no longer failed, or it was a one-time code).";
        return RedirectToPage();
    }
}
