using System.Security.Claims;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Payments.Data;
using BillCenter.Modules.Payments.Domain;
using BillCenter.Modules.Payments.Features.PaymentForm;
using BillCenter.SharedKernel.Money;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Payments.Pages.Payments.Pay;

/// <summary>
/// Pay a card account: the form, then "check your answers", then the payment. All three are this one page: the
/// answers travel in the form, so nothing half-made is stored. Each rendered form carries an idempotency key; the
/// payment is made once per key (a unique index), so a double click, a browser retry or two tabs posting the same form
/// all land on the same confirmation. A second form for the same amount on the same day asks before paying again.
/// </summary>
[Authorize]
public sealed class IndexModel(IMediator mediator, TimeProvider time) : PageModel
{
    public const string Heading = "Make a payment";

    [BindProperty]
    public Command Data { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid CardAccountId { get; set; }

    /// <summary>What the posted button asked: "review" (Continue), "pay" (Pay), or "edit" (Change).</summary>
    [BindProperty(Name = "step")]
    public string? Step { get; set; }

    public PaymentAccount Account { get; private set; } = default!;

    internal IReadOnlyList<BankAccountChoice> BankAccounts { get; private set; } = [];

    /// <summary>The check-your-answers view, with the amount and date resolved.</summary>
    public Review? Checked { get; private set; }

    public DateOnly EarliestDate { get; private set; }

    public DateOnly LatestDate { get; private set; }

    /// <summary>True when today's cut-off has passed (or today is not a business day): the page says the earliest date.</summary>
    public bool TodayClosed { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Data.IdempotencyKey = Guid.NewGuid().ToString("N");
        Data.PayOn = PaymentInput.Iso(EarliestDate);
        Data.AmountChoice = AmountChoices.Default(Account);
        Data.BankAccountId = BankAccounts.Count == 1 ? BankAccounts[0].Id.ToString() : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Ownership first: another user's account is not found, whatever the form holds.
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!string.IsNullOrEmpty(Data.BankAccountId) && !BankAccounts.Any(b => b.Id.ToString() == Data.BankAccountId))
        {
            return NotFound(); // a bank account id that is not one of this user's: tampered, not a typing mistake
        }

        if (Step == "edit")
        {
            ModelState.Clear();
            return Page();
        }

        Data.UserId = UserId;
        Data.Account = Account;
        Data.BankAccounts = BankAccounts;
        Data.Pay = Step == "pay";
        var outcome = await mediator.Send(Data, cancellationToken);
        switch (outcome)
        {
            case Outcome.Made made:
                return RedirectToPage("/Payments/Payment/Index", new { paymentId = made.PaymentId });
            case Outcome.Duplicate duplicate:
                Checked = duplicate.Review;
                if (Data.Pay && !Data.ConfirmDuplicate)
                {
                    // Asked already (the box was shown) and not ticked: say so at the box.
                    if (Data.DuplicateShown)
                    {
                        ModelState.AddModelError("Data.ConfirmDuplicate", $"Select yes to pay {Checked.Amount} again on {PaymentCalendar.Long(Checked.PayOn)}, or change the payment");
                    }
                }

                Data.DuplicateShown = true;
                return Page();
            case Outcome.Checked review:
                Checked = review.Review;
                return Page();
            default:
                throw new InvalidOperationException($"Unexpected outcome {outcome}.");
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if ((await mediator.Send(new GetPaymentAccounts(UserId, CardAccountId), cancellationToken)).SingleOrDefault() is not { } account)
        {
            return false;
        }

        Account = account;
        BankAccounts = await mediator.Send(new ListBankAccounts(UserId), cancellationToken);
        var now = time.GetUtcNow();
        EarliestDate = PaymentCalendar.EarliestPayDate(now);
        LatestDate = PaymentCalendar.LatestPayDate(now);
        TodayClosed = EarliestDate != PaymentCalendar.Today(now);
        return true;
    }

    /// <summary>The answers as checked: what is paid, from where, when.</summary>
    public sealed record Review(Money Amount, string AmountLabel, Guid BankAccountId, string BankAccountName, DateOnly PayOn);

    public abstract record Outcome
    {
        public sealed record Checked(Review Review) : Outcome;

        public sealed record Duplicate(Review Review) : Outcome;

        public sealed record Made(Guid PaymentId) : Outcome;
    }

    /// <summary>The form as posted. Amount and date stay text, so anything typed gets a message, never a binding error.</summary>
    public sealed class Command : IRequest<Outcome>
    {
        [BindNever]
        public string UserId { get; set; } = string.Empty;

        internal PaymentAccount Account { get; set; } = default!;

        internal IReadOnlyList<BankAccountChoice> BankAccounts { get; set; } = [];

        /// <summary>True for the Pay button; false for Continue (check the answers only).</summary>
        [BindNever]
        public bool Pay { get; set; }

        public string IdempotencyKey { get; set; } = string.Empty;

        public string? AmountChoice { get; set; }

        public string? OtherAmount { get; set; }

        public string? BankAccountId { get; set; }

        public string? PayOn { get; set; }

        /// <summary>"Yes, pay again": ticked after the page said the same amount is already scheduled for that day.</summary>
        public bool ConfirmDuplicate { get; set; }

        /// <summary>Whether the duplicate question was on the page that posted.</summary>
        public bool DuplicateShown { get; set; }
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider time)
        {
            RuleFor(c => c.IdempotencyKey).Matches("^[0-9a-f]{32}$").WithMessage("This form has expired: check the payment and select Continue again");
            RuleFor(c => c.AmountChoice).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Select how much to pay")
                .Must((c, choice) => AmountChoices.For(c.Account).Any(a => a.Value == choice)).WithMessage("Select how much to pay");
            When(c => c.AmountChoice == AmountChoices.Other, () =>
                RuleFor(c => c.OtherAmount).MustBeAnAmount(c => c.Account.CurrentBalance));
            RuleFor(c => c.BankAccountId).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Select the bank account to pay from")
                .Must((c, id) => c.BankAccounts.Any(b => b.Id.ToString() == id)).WithMessage("Select the bank account to pay from");
            RuleFor(c => c.PayOn).MustBeAPayDate(time);
        }
    }

    internal sealed class Handler(PaymentsDbContext db, TimeProvider time) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            var review = Resolve(request);
            if (!request.Pay)
            {
                return await IsDuplicateAsync(request, review, cancellationToken) ? new Outcome.Duplicate(review) : new Outcome.Checked(review);
            }

            if (await MadeWithKeyAsync(request.IdempotencyKey, cancellationToken) is { } made)
            {
                return new Outcome.Made(made); // the same form again: the same payment
            }

            if (!request.ConfirmDuplicate && await IsDuplicateAsync(request, review, cancellationToken))
            {
                return new Outcome.Duplicate(review);
            }

            var now = time.GetUtcNow().UtcDateTime;
            var payment = new Domain.Payment
            {
                UserId = request.UserId,
                CardAccountId = request.Account.CardAccountId,
                BankAccountId = review.BankAccountId,
                Amount = review.Amount,
                PayOn = review.PayOn,
                ConfirmationNumber = ConfirmationNumbers.New(),
                IdempotencyKey = request.IdempotencyKey,
                CreatedAt = now,
            };
            db.Payments.Add(payment);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new Outcome.Made(payment.Id);
            }
            catch (DbUpdateException)
            {
                // Another request with this form's key won the race: it made the payment, this one shows it.
                db.ChangeTracker.Clear();
                if (await MadeWithKeyAsync(request.IdempotencyKey, cancellationToken) is { } winner)
                {
                    return new Outcome.Made(winner);
                }

                throw;
            }
        }

        private static Review Resolve(Command request)
        {
            var choice = AmountChoices.For(request.Account).Single(a => a.Value == request.AmountChoice);
            var amount = choice.Amount ?? (Money.TryParse(request.OtherAmount, out var typed) ? typed : throw new InvalidOperationException("Validated amount did not parse."));
            var bank = request.BankAccounts.Single(b => b.Id.ToString() == request.BankAccountId);
            PaymentInput.TryParseDate(request.PayOn, out var payOn);
            return new Review(amount, choice.Label, bank.Id, bank.DisplayName, payOn);
        }

        private Task<Guid?> MadeWithKeyAsync(string key, CancellationToken cancellationToken) =>
            db.Payments.AsNoTracking().Where(p => p.IdempotencyKey == key).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);

        /// <summary>Another form already made a live payment of this amount, on this day, to this account.</summary>
        private Task<bool> IsDuplicateAsync(Command request, Review review, CancellationToken cancellationToken) =>
            db.Payments.AsNoTracking().AnyAsync(p =>
                p.UserId == request.UserId
                && p.CardAccountId == request.Account.CardAccountId
                && p.PayOn == review.PayOn
                && p.Amount == review.Amount
                && p.IdempotencyKey != request.IdempotencyKey
                && (p.Status == PaymentStatus.Scheduled || p.Status == PaymentStatus.Processing || p.Status == PaymentStatus.Posted), cancellationToken);
    }
}
