using System.Security.Claims;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Payments.Data;
using BillCenter.Modules.Payments.Domain;
using BillCenter.Modules.Payments.Features.OwnedPayments;
using BillCenter.Modules.Payments.Features.PaymentForm;
using BillCenter.SharedKernel.Money;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PaymentPage = BillCenter.Modules.Payments.Pages.Payments.PaymentModel;

namespace BillCenter.Modules.Payments.Pages.Payments.Change;

/// <summary>
/// Change a scheduled payment's amount, bank account or date, until the cut-off on its date. The posting job may take
/// it at that moment: the payment's concurrency token decides, and a change that lost says so instead of half-saving.
/// </summary>
[Authorize]
public sealed class IndexModel(IMediator mediator, TimeProvider time) : PageModel
{
    public const string Heading = "Change payment";

    // Data first: the validation filter keys field errors under the first bound object.
    [BindProperty]
    public Command Data { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid PaymentId { get; set; }

    internal PaymentView Payment { get; private set; } = default!;

    internal IReadOnlyList<BankAccountChoice> BankAccounts { get; private set; } = [];

    public DateOnly EarliestDate { get; private set; }

    public DateOnly LatestDate { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        Data.Amount = Payment.Amount.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        Data.BankAccountId = Payment.BankAccountId.ToString();
        Data.PayOn = PaymentInput.Iso(Payment.PayOn);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!string.IsNullOrEmpty(Data.BankAccountId) && !BankAccounts.Any(b => b.Id.ToString() == Data.BankAccountId))
        {
            return NotFound(); // not one of this user's bank accounts
        }

        Data.UserId = UserId;
        Data.PaymentId = PaymentId;
        Data.BankAccounts = BankAccounts;
        Data.CurrentBalance = (await mediator.Send(new GetPaymentAccounts(UserId, Payment.CardAccountId), cancellationToken)).Single().CurrentBalance;
        var changed = await mediator.Send(Data, cancellationToken);
        TempData[PaymentPage.DoneKey] = changed
            ? "Your payment is changed."
            : "This payment could not be changed: the 8 pm Eastern cut-off on its date has passed and it is being processed.";
        return RedirectToPage("/Payments/Payment", new { paymentId = PaymentId });
    }

    /// <summary>Null when the page may show; otherwise 404 (not this user's) or back to the payment (no longer changeable).</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new FindPayment(UserId, PaymentId), cancellationToken) is not { } payment)
        {
            return NotFound();
        }

        Payment = payment;
        if (!payment.CanChange)
        {
            TempData[PaymentPage.DoneKey] = "This payment can no longer be changed.";
            return RedirectToPage("/Payments/Payment", new { paymentId = PaymentId });
        }

        BankAccounts = await mediator.Send(new ListBankAccounts(UserId), cancellationToken);
        EarliestDate = PaymentCalendar.EarliestPayDate(time.GetUtcNow());
        LatestDate = PaymentCalendar.LatestPayDate(time.GetUtcNow());
        return null;
    }

    /// <summary>The new amount, bank account and date; true when saved, false when the cut-off won.</summary>
    public sealed class Command : IRequest<bool>
    {
        [BindNever]
        public string UserId { get; set; } = string.Empty;

        [BindNever]
        public Guid PaymentId { get; set; }

        [BindNever]
        public Money CurrentBalance { get; set; }

        internal IReadOnlyList<BankAccountChoice> BankAccounts { get; set; } = [];

        public string? Amount { get; set; }

        public string? BankAccountId { get; set; }

        public string? PayOn { get; set; }
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider time)
        {
            RuleFor(c => c.Amount).MustBeAnAmount(c => c.CurrentBalance);
            RuleFor(c => c.BankAccountId).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Select the bank account to pay from")
                .Must((c, id) => c.BankAccounts.Any(b => b.Id.ToString() == id)).WithMessage("Select the bank account to pay from");
            RuleFor(c => c.PayOn).MustBeAPayDate(time);
        }
    }

    internal sealed class Handler(PaymentsDbContext db, TimeProvider time) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var payment = await db.Payments.SingleAsync(p => p.Id == request.PaymentId && p.UserId == request.UserId, cancellationToken);
            if (!PaymentView.IsChangeable(payment.Status, payment.PayOn, time))
            {
                return false;
            }

            Money.TryParse(request.Amount, out var amount);
            PaymentInput.TryParseDate(request.PayOn, out var payOn);
            payment.Amount = amount;
            payment.BankAccountId = Guid.Parse(request.BankAccountId!);
            payment.PayOn = payOn;
            payment.UpdatedAt = time.GetUtcNow().UtcDateTime;
            payment.Version = Guid.NewGuid();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateConcurrencyException)
            {
                return false; // the posting job took it at the cut-off (or another tab changed it first)
            }
        }
    }
}
