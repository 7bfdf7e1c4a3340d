using System.Security.Claims;
using BillCenter.Modules.Payments.Data;
using BillCenter.Modules.Payments.Features.OwnedPayments;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BillCenter.Modules.Payments.Pages.Payments;

/// <summary>One payment: the confirmation after paying, and where it can be changed or canceled until its cut-off.</summary>
[Authorize]
public sealed class PaymentModel(IMediator mediator) : PageModel
{
    public const string DoneKey = "payments.payment.done";

    [BindProperty(SupportsGet = true)]
    public Guid PaymentId { get; set; }

    internal PaymentView Payment { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        if (await mediator.Send(new FindPayment(userId, PaymentId), cancellationToken) is not { } payment)
        {
            return NotFound();
        }

        Payment = payment;
        return Page();
    }
}
