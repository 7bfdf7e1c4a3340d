using System.Globalization;
using System.Security.Claims;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Payments.Data;
using BillCenter.Modules.Payments.Domain;
using BillCenter.SharedKernel.Messaging;
using BillCenter.SharedKernel.Money;
using BillCenter.SharedKernel.Web.TagHelpers;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using BankAccountsPage = BillCenter.Modules.Payments.Pages.Payments.BankAccounts.IndexModel;

namespace BillCenter.Modules.Payments.Pages.Payments.Autopay;

/// <summary>
/// AutoPay of one card account: what it pays of each statement (the minimum due, the statement balance or a fixed
/// amount), from which saved bank account, and how many days before the due date. Saving turns it on or changes it;
/// turning it off also cancels the AutoPay payments still scheduled, in the same transaction. Each change sends a
/// security alert and is audited. Another user's card account or bank account is a 404 and nothing changes.
/// </summary>
[Authorize]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const string Heading = "AutoPay";

    public const string SavedKey = "payments.autopay.saved";

    public static readonly Money MinFixedAmount = Money.FromDecimal(1m);

    public static readonly Money MaxFixedAmount = Money.FromDecimal(99_999.99m);

    public const string ChangedElsewhere = "AutoPay for this account was just changed in another window, so nothing was saved here. Check the details and save again";

    public static IReadOnlyList<RadioItem> Rules { get; } =
    [
        new(nameof(AutoPayRule.MinimumDue), "Minimum payment due"),
        new(nameof(AutoPayRule.StatementBalance), "Statement balance", "The whole balance of each statement"),
        new(nameof(AutoPayRule.FixedAmount), "A fixed amount", "Enter it below. If it is less than the minimum payment due, pay the rest yourself by the due date"),
    ];

    public static IReadOnlyList<SelectItem> Days { get; } =
        [.. Enumerable.Range(0, AutoPayPlan.MaxDaysBefore + 1).Select(d => new SelectItem(d.ToString(CultureInfo.InvariantCulture), When(d)))];

    [BindProperty]
    public Command Data { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid CardAccountId { get; set; }

    public Current? Account { get; private set; }

    public IReadOnlyList<BankAccountsPage.SavedBankAccount> BankAccounts { get; private set; } = [];

    public string? Saved { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    /// <summary>"on the due date", "1 day before the due date", "3 days before the due date".</summary>
    public static string When(int daysBefore) => daysBefore switch
    {
        0 => "On the due date",
        1 => "1 day before the due date",
        _ => $"{daysBefore} days before the due date",
    };

    /// <summary>"the minimum payment due", "the statement balance", "a fixed amount of $150.00".</summary>
    internal static string What(AutoPayRule rule, Money fixedAmount) => rule switch
    {
        AutoPayRule.MinimumDue => "the minimum payment due",
        AutoPayRule.StatementBalance => "the statement balance",
        _ => $"a fixed amount of {fixedAmount} (never more than the statement balance)",
    };

    /// <summary>"the minimum payment due, from Checking ending 6789, 3 days before the due date".</summary>
    internal static string Describe(AutoPayRule rule, Money fixedAmount, string bankAccount, int daysBefore) =>
        $"{What(rule, fixedAmount)}, from {bankAccount}, {When(daysBefore).ToLowerInvariant()}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Saved = TempData[SavedKey] as string ?? TempData[BankAccountsPage.SavedKey] as string;
        if (Account!.Plan is { } plan)
        {
            Data.Rule = plan.Rule;
            Data.FixedAmount = plan.Rule == nameof(AutoPayRule.FixedAmount) ? plan.FixedAmount.Amount.ToString("0.00", CultureInfo.InvariantCulture) : null;
            Data.BankAccountId = plan.BankAccountId.ToString();
            Data.DaysBefore = plan.DaysBefore.ToString(CultureInfo.InvariantCulture);
            Data.Version = plan.Version;
        }
        else if (BankAccounts.Count == 1)
        {
            Data.BankAccountId = BankAccounts[0].Id.ToString();
        }

        return Page();
    }

    /// <summary>Turn AutoPay on, or change it.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Ownership first: another user's card account is a 404 whatever the form holds.
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Data.UserId = UserId;
        Data.CardAccountId = CardAccountId;
        Data.Last4 = Account!.Last4;
        var outcome = await mediator.Send(Data, cancellationToken);
        switch (outcome)
        {
            case SaveOutcome.NotFound:
                return NotFound();
            case SaveOutcome.ChangedElsewhere:
                ModelState.AddModelError($"{nameof(Data)}.{nameof(Command.Rule)}", ChangedElsewhere);
                await LoadAsync(cancellationToken);
                return Page();
            default:
                TempData[SavedKey] = outcome switch
                {
                    SaveOutcome.TurnedOn => $"AutoPay is on for the {Account.Name}. We sent a security alert to your contact details.",
                    SaveOutcome.Changed => $"AutoPay for the {Account.Name} is changed. We sent a security alert to your contact details.",
                    _ => $"AutoPay for the {Account.Name} is unchanged.",
                };
                return RedirectToPage(new { cardAccountId = CardAccountId });
        }
    }

    /// <summary>Turn AutoPay off: the plan goes, and so do its payments still scheduled.</summary>
    public async Task<IActionResult> OnPostTurnOffAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        var canceled = await mediator.Send(new TurnOff(UserId, CardAccountId, Account!.Last4), cancellationToken);
        TempData[SavedKey] = canceled switch
        {
            null => $"AutoPay is already off for the {Account.Name}.",
            0 => $"AutoPay is off for the {Account.Name}. We sent a security alert to your contact details.",
            1 => $"AutoPay is off for the {Account.Name}, and we canceled the AutoPay payment that was scheduled. We sent a security alert to your contact details.",
            _ => $"AutoPay is off for the {Account.Name}, and we canceled the {canceled} AutoPay payments that were scheduled. We sent a security alert to your contact details.",
        };
        return RedirectToPage(new { cardAccountId = CardAccountId });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Account = await mediator.Send(new Query(UserId, CardAccountId), cancellationToken);
        if (Account is null)
        {
            return false;
        }

        BankAccounts = await mediator.Send(new BankAccountsPage.Query(UserId), cancellationToken);
        return true;
    }

    /// <summary>The AutoPay plan of a card account, as the page shows it and its form starts from.</summary>
    /// <param name="Rule">What it pays, as the form posts it: "MinimumDue", "StatementBalance" or "FixedAmount".</param>
    /// <param name="Description">"the minimum payment due, from Checking ending 6789, 3 days before the due date".</param>
    public sealed record Plan(string Rule, Money FixedAmount, Guid BankAccountId, int DaysBefore, Guid Version, string Description);

    /// <param name="Name">The card account's name, e.g. "Gold Card ending 0013".</param>
    /// <param name="Plan">Its AutoPay plan; null when AutoPay is off.</param>
    public sealed record Current(Guid CardAccountId, string Name, string Last4, Plan? Plan);

    /// <summary>The user's card account with its AutoPay plan; null when the account is not linked to the user.</summary>
    internal sealed record Query(string UserId, Guid CardAccountId) : IRequest<Current?>;

    internal sealed class QueryHandler(PaymentsDbContext db, IMediator mediator) : IRequestHandler<Query, Current?>
    {
        public async Task<Current?> Handle(Query request, CancellationToken cancellationToken)
        {
            var account = (await mediator.Send(new GetPaymentAccounts(request.UserId, request.CardAccountId), cancellationToken)).SingleOrDefault();
            if (account is null)
            {
                return null;
            }

            var plan = await db.AutoPayPlans.AsNoTracking()
                .Where(p => p.CardAccountId == account.CardAccountId)
                .Join(db.BankAccounts, p => p.BankAccountId, b => b.Id, (p, b) => new { p.Rule, p.FixedAmount, p.BankAccountId, b.Kind, b.Last4, b.Nickname, p.DaysBefore, p.Version })
                .SingleOrDefaultAsync(cancellationToken);
            return new Current(account.CardAccountId, account.DisplayName, account.Last4, plan is null
                ? null
                : new Plan(plan.Rule.ToString(), plan.FixedAmount, plan.BankAccountId, plan.DaysBefore, plan.Version,
                    Describe(plan.Rule, plan.FixedAmount, BankAccount.Describe(plan.Kind, plan.Last4, plan.Nickname), plan.DaysBefore)));
        }
    }

    public enum SaveOutcome
    {
        TurnedOn = 1,
        Changed = 2,
        Unchanged = 3,
        NotFound = 4,
        ChangedElsewhere = 5,
    }

    /// <summary>Turn AutoPay on for a card account the page has checked is the user's, or change it.</summary>
    public sealed class Command : IRequest<SaveOutcome>
    {
        [BindNever]
        public string UserId { get; set; } = string.Empty;

        [BindNever]
        public Guid CardAccountId { get; set; }

        /// <summary>The last digits of the card account, for the alert.</summary>
        [BindNever]
        public string Last4 { get; set; } = string.Empty;

        public string? Rule { get; set; }

        /// <summary>The amount as typed, e.g. "150" or "1,250.00"; only for a fixed amount.</summary>
        public string? FixedAmount { get; set; }

        public string? BankAccountId { get; set; }

        public string? DaysBefore { get; set; }

        /// <summary>The plan's version when the page was shown; null when AutoPay was off.</summary>
        public Guid? Version { get; set; }

        internal AutoPayRule ParsedRule => Enum.Parse<AutoPayRule>(Rule!);

        internal Money ParsedFixedAmount => ParsedRule == AutoPayRule.FixedAmount && Money.TryParse(FixedAmount, out var amount) ? amount : Money.Zero;
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Rule).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Select what AutoPay pays")
                .Must(r => Rules.Any(item => item.Value == r)).WithMessage("Select what AutoPay pays from the list");

            RuleFor(c => c.FixedAmount).Cascade(CascadeMode.Stop)
                .Must(a => !string.IsNullOrWhiteSpace(a)).WithMessage("Enter the fixed amount AutoPay pays, for example 150.00")
                .Must(a => !a!.Any(char.IsLetter)).WithMessage("Fixed amount must only include numbers and a decimal point, for example 150.00")
                .Must(a => Money.TryParse(a, out _) || HasMoreThanTwoDecimals(a)).WithMessage("Fixed amount must be a number, for example 150.00")
                .Must(a => Money.TryParse(a, out _)).WithMessage("Fixed amount must not have more than 2 decimal places, for example 150.25")
                .Must(a => Money.TryParse(a, out var amount) && amount >= MinFixedAmount).WithMessage($"Fixed amount must be {MinFixedAmount} or more")
                .Must(a => Money.TryParse(a, out var amount) && amount <= MaxFixedAmount).WithMessage($"Fixed amount must be {MaxFixedAmount} or less")
                .When(c => c.Rule == nameof(AutoPayRule.FixedAmount));

            RuleFor(c => c.BankAccountId).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Select the bank account AutoPay pays from")
                .Must(id => Guid.TryParse(id, out _)).WithMessage("Select the bank account from the list");

            RuleFor(c => c.DaysBefore).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Select when AutoPay pays")
                .Must(d => Days.Any(item => item.Value == d)).WithMessage("Select when AutoPay pays from the list");
        }

        /// <summary>A number with a third decimal, like "150.255": the one reason Money refuses a number.</summary>
        private static bool HasMoreThanTwoDecimals(string? text)
        {
            var trimmed = (text ?? string.Empty).Trim().TrimStart('$').Replace(",", string.Empty, StringComparison.Ordinal);
            return decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && decimal.Round(value, 2) != value;
        }
    }

    internal sealed class Handler(PaymentsDbContext db, IMediator mediator, TimeProvider time) : IRequestHandler<Command, SaveOutcome>
    {
        public async Task<SaveOutcome> Handle(Command request, CancellationToken cancellationToken)
        {
            var bankAccountId = Guid.Parse(request.BankAccountId!);
            var bank = await db.BankAccounts.AsNoTracking()
                .Where(b => b.Id == bankAccountId && b.UserId == request.UserId && b.RemovedAt == null)
                .Select(b => new { b.Kind, b.Last4 })
                .SingleOrDefaultAsync(cancellationToken);
            if (bank is null)
            {
                return SaveOutcome.NotFound;
            }

            var rule = request.ParsedRule;
            var amount = request.ParsedFixedAmount;
            var daysBefore = int.Parse(request.DaysBefore!, CultureInfo.InvariantCulture);
            var plan = await db.AutoPayPlans.SingleOrDefaultAsync(p => p.CardAccountId == request.CardAccountId, cancellationToken);
            if (plan?.Version != request.Version)
            {
                return SaveOutcome.ChangedElsewhere; // turned on, changed or turned off since this page was shown
            }

            if (plan is not null && plan.Rule == rule && plan.FixedAmount == amount && plan.BankAccountId == bankAccountId && plan.DaysBefore == daysBefore)
            {
                return SaveOutcome.Unchanged;
            }

            var now = time.GetUtcNow().UtcDateTime;
            var turnedOn = plan is null;
            if (plan is null)
            {
                plan = new AutoPayPlan { CardAccountId = request.CardAccountId, EnrolledAt = now };
                db.AutoPayPlans.Add(plan);
            }
            else
            {
                plan.Version = Guid.NewGuid();
            }

            plan.UserId = request.UserId;
            plan.BankAccountId = bankAccountId;
            plan.Rule = rule;
            plan.FixedAmount = amount;
            plan.DaysBefore = daysBefore;
            plan.UpdatedAt = now;

            var change = $"{(turnedOn ? "turned on" : "changed")}: {Describe(rule, amount, BankAccount.Describe(bank.Kind, bank.Last4, null), daysBefore)}";
            db.Publish(new AlertRequested(Guid.NewGuid(), now, AlertType.Security, "autopay-changed", request.CardAccountId, request.UserId,
                new Dictionary<string, string>(StringComparer.Ordinal) { ["Last4"] = request.Last4, ["Change"] = change }));
            try
            {
                // Version is a concurrency token, and the card account the key: two saves racing never both win.
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return SaveOutcome.ChangedElsewhere;
            }

            await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.AutoPayChanged, request.UserId, CardAccountId: request.CardAccountId,
                Detail: $"AutoPay {change}"), cancellationToken);
            return turnedOn ? SaveOutcome.TurnedOn : SaveOutcome.Changed;
        }
    }

    /// <summary>Turn AutoPay off for a card account the page has checked is the user's; answers how many scheduled AutoPay payments were canceled, or null when it was off.</summary>
    internal sealed record TurnOff(string UserId, Guid CardAccountId, string Last4) : IRequest<int?>;

    internal sealed class TurnOffHandler(PaymentsDbContext db, IMediator mediator, TimeProvider time) : IRequestHandler<TurnOff, int?>
    {
        private const int MaxTries = 3;

        public async Task<int?> Handle(TurnOff request, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                var now = time.GetUtcNow();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var plan = await db.AutoPayPlans.SingleOrDefaultAsync(p => p.CardAccountId == request.CardAccountId, cancellationToken);
                if (plan is null)
                {
                    return null;
                }

                // Only AutoPay's own payments, and only those still waiting for their date: processing and posted ones stand.
                var scheduled = await db.Payments
                    .Where(p => p.CardAccountId == request.CardAccountId && p.StatementId != null && p.Status == PaymentStatus.Scheduled)
                    .ToListAsync(cancellationToken);
                foreach (var payment in scheduled)
                {
                    payment.Status = PaymentStatus.Canceled;
                    payment.CanceledAt = now.UtcDateTime;
                    payment.UpdatedAt = now.UtcDateTime;
                    payment.Version = Guid.NewGuid();
                }

                db.AutoPayPlans.Remove(plan);
                db.Publish(new AlertRequested(Guid.NewGuid(), now.UtcDateTime, AlertType.Security, "autopay-changed", request.CardAccountId, request.UserId,
                    new Dictionary<string, string>(StringComparer.Ordinal) { ["Last4"] = request.Last4, ["Change"] = "turned off" }));
                try
                {
                    // Versions are concurrency tokens: a change of the plan, or the posting job taking a payment, meanwhile makes this fail, and we look again.
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
                catch (DbUpdateConcurrencyException) when (attempt < MaxTries)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    continue;
                }

                await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.AutoPayChanged, request.UserId, CardAccountId: request.CardAccountId,
                    Detail: scheduled.Count == 0 ? "AutoPay turned off" : $"AutoPay turned off; {scheduled.Count} scheduled AutoPay payment(s) canceled"), cancellationToken);
                return scheduled.Count;
            }
        }
    }
}
