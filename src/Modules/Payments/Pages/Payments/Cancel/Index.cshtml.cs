using System.Security.Claims;
using BillCenter.Modules.Payments.Data;
using BillCenter.Modules.Payments.Domain;
using BillCenter.Modules.Payments.Features.OwnedPayments;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PaymentPage = BillCenter.Modules.Payments.Pages.Payments.PaymentModel;

namespace BillCenter.Modules.Payments.Pages.Payments.Cancel;

/// <summary>Cancel a scheduled payment (asks first), until the cut-off on its date; the concurrency token settles a race with the posting job.</summary>
[Authorize]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const string Heading = "Cancel this payment?";

    [BindProperty(SupportsGet = true)]
    public Guid PaymentId { get; set; }

    internal PaymentView Payment { get; private set; } = default!;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new FindPayment(UserId, PaymentId), cancellationToken) is not { } payment)
        {
            return NotFound();
        }

        if (!payment.CanChange)
        {
            TempData[PaymentPage.DoneKey] = "This payment can no longer be canceled.";
            return RedirectToPage("/Payments/Payment", new { paymentId = PaymentId });
        }

        Payment = payment;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await mediator.Send(new Command { UserId = UserId, PaymentId = PaymentId }, cancellationToken);
        if (outcome == Outcome.NotFound)
        {
            return NotFound();
        }

        TempData[PaymentPage.DoneKey] = outcome == Outcome.Canceled
            ? "Your payment is canceled. Nothing will be taken from your bank account for it."
            : "This payment could not be canceled: the 8 pm Eastern cut-off on its date has passed and it is being processed.";
        return RedirectToPage("/Payments/Payment", new { paymentId = PaymentId });
    }

    public enum Outcome
    {
        Canceled,
        TooLate,
        NotFound,
    }

    public sealed class Command : IRequest<Outcome>
    {
        [BindNever]
        public string UserId { get; set; } = string.Empty;

        [BindNever]
        public Guid PaymentId { get; set; }
    }

    internal sealed class Handler(PaymentsDbContext db, TimeProvider time) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            var payment = await db.Payments.SingleOrDefaultAsync(p => p.Id == request.PaymentId && p.UserId == request.UserId, cancellationToken);
            if (payment is null)
            {
                return Outcome.NotFound;
            }

            if (!PaymentView.IsChangeable(payment.Status, payment.PayOn, time))
            {
                return payment.Status == PaymentStatus.Canceled ? Outcome.Canceled : Outcome.TooLate;
            }

            payment.Status = PaymentStatus.Canceled;
            payment.CanceledAt = time.GetUtcNow().UtcDateTime;
            payment.Version = Guid.NewGuid();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return Outcome.Canceled;
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome.TooLate; // the posting job took it at the cut-off
            }
        }
    }
}
