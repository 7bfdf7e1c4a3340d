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
    public string? Button { get; set; }

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
        // A form that already made its payment (a double click, a retry, another tab) goes straight to it: one indexed
        // lookup, scoped to this user and account, before anything else is read or checked again.
        if (Button == "pay" && await mediator.Send(new MadeBy(UserId, CardAccountId, Data.IdempotencyKey), cancellationToken) is { } made)
        {
            return RedirectToPage("/Payments/Payment", new { paymentId = made });
        }

        // Ownership first: another user's account is not found, whatever the form holds.
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!string.IsNullOrEmpty(Data.BankAccountId) && !BankAccounts.Any(b => b.Id.ToString() == Data.BankAccountId))
        {
            return NotFound(); // a bank account id that is not one of this user's: tampered, not a typing mistake
        }

        if (Button == "edit")
        {
            ModelState.Clear();
            return Page();
        }

        Data.UserId = UserId;
        Data.Account = Account;
        Data.BankAccounts = BankAccounts;
        Data.Pay = Button == "pay";
        var outcome = await mediator.Send(Data, cancellationToken);
        switch (outcome.Step)
        {
            case Step.Made:
                return RedirectToPage("/Payments/Payment", new { paymentId = outcome.PaymentId });
            case Step.Duplicate:
                Checked = outcome.Review;
                if (Data.Pay && !Data.ConfirmDuplicate)
                {
                    // Asked already (the box was shown) and not ticked: say so at the box.
                    if (Data.DuplicateShown)
                    {
                        ModelState.AddModelError("Data.ConfirmDuplicate", $"Select yes to pay {Checked!.Amount} again on {PaymentCalendar.Long(Checked.PayOn)}, or change the payment");
                    }
                }

                Data.DuplicateShown = true;
                return Page();
            case Step.Checked:
                Checked = outcome.Review;
                return Page();
            default:
                throw new InvalidOperationException($"Unexpected step {outcome.Step}.");
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

    public enum Step
    {
        /// <summary>The answers are fine: show them to check.</summary>
        Checked,

        /// <summary>The same amount on the same day is already paid or scheduled: ask before paying again.</summary>
        Duplicate,

        /// <summary>The payment is made (now, or by an earlier submit of the same form).</summary>
        Made,
    }

    public sealed record Outcome(Step Step, Review? Review = null, Guid PaymentId = default);

    /// <summary>One way to choose the amount; <see cref="Amount"/> is null for "another amount", which is typed.</summary>
    internal sealed record AmountChoice(string Value, string Label, Money? Amount);

    /// <summary>
    /// The amounts offered: what is left of the statement balance and of the minimum due (after payments posted since it
    /// closed), the current balance, or another amount. A choice worth nothing is not offered.
    /// </summary>
    internal static class AmountChoices
    {
        public const string Statement = "statement";
        public const string Minimum = "minimum";
        public const string Current = "current";
        public const string Other = "other";

        public static IReadOnlyList<AmountChoice> For(PaymentAccount account)
        {
            ArgumentNullException.ThrowIfNull(account);
            var choices = new List<AmountChoice>();
            if (account.LastStatement is { } statement)
            {
                if (statement.RemainingBalance > Money.Zero && statement.RemainingBalance <= account.CurrentBalance)
                {
                    choices.Add(new(Statement, "Statement balance", statement.RemainingBalance));
                }

                if (statement.RemainingMinimum > Money.Zero && statement.RemainingMinimum <= account.CurrentBalance && statement.RemainingMinimum != statement.RemainingBalance)
                {
                    choices.Add(new(Minimum, "Minimum payment due", statement.RemainingMinimum));
                }
            }

            if (account.CurrentBalance > Money.Zero)
            {
                choices.Add(new(Current, "Current balance", account.CurrentBalance));
                choices.Add(new(Other, "Another amount", null));
            }

            return choices;
        }

        /// <summary>The choice selected when the form first shows: the minimum when one is due, else the first on offer.</summary>
        public static string? Default(PaymentAccount account) =>
            For(account) is var choices && choices.Any(c => c.Value == Minimum) ? Minimum : choices.FirstOrDefault()?.Value;
    }

    /// <summary>The payment this user's form (by its key) already made to this account, if any.</summary>
    internal sealed record MadeBy(string UserId, Guid CardAccountId, string IdempotencyKey) : IRequest<Guid?>;

    internal sealed class MadeByHandler(PaymentsDbContext db) : IRequestHandler<MadeBy, Guid?>
    {
        public Task<Guid?> Handle(MadeBy request, CancellationToken cancellationToken) =>
            db.Payments.AsNoTracking()
                .Where(p => p.IdempotencyKey == request.IdempotencyKey && p.UserId == request.UserId && p.CardAccountId == request.CardAccountId)
                .Select(p => (Guid?)p.Id)
                .FirstOrDefaultAsync(cancellationToken);
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
                return new Outcome(await IsDuplicateAsync(request, review, cancellationToken) ? Step.Duplicate : Step.Checked, review);
            }

            if (await MadeWithKeyAsync(request.IdempotencyKey, cancellationToken) is { } made)
            {
                return new Outcome(Step.Made, PaymentId: made); // the same form again: the same payment
            }

            if (!request.ConfirmDuplicate && await IsDuplicateAsync(request, review, cancellationToken))
            {
                return new Outcome(Step.Duplicate, review);
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
                return new Outcome(Step.Made, PaymentId: payment.Id);
            }
            catch (DbUpdateException)
            {
                // Another request with this form's key won the race: it made the payment, this one shows it.
                db.ChangeTracker.Clear();
                if (await MadeWithKeyAsync(request.IdempotencyKey, cancellationToken) is { } winner)
                {
                    return new Outcome(Step.Made, PaymentId: winner);
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
