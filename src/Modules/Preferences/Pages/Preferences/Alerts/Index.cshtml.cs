using System.Globalization;
using System.Security.Claims;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Preferences.Contracts;
using BillCenter.Modules.Preferences.Data;
using BillCenter.Modules.Preferences.Domain;
using BillCenter.SharedKernel.Money;
using BillCenter.SharedKernel.Web.TagHelpers;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Preferences.Pages.Preferences.Alerts;

/// <summary>
/// The alerts of one card account: for each alert type, by email, by text, both or off, with the amount or the
/// number of days where the type has one. Security alerts are shown and cannot be turned off. Text is offered only
/// when a confirmed mobile number is on file. Only the signed-in user's own accounts: any other id is a 404 and
/// nothing changes. Without an id (the "Set up your account" step after enrollment) it is the user's first account.
/// </summary>
[Authorize]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const string Heading = "Alerts";

    public const string SavedKey = "preferences.alerts.saved";

    /// <summary>The step after this one in "Set up your account".</summary>
    public const string NextSetupStep = "/preferences/statements?setup=true";

    public const string SecurityAlwaysOn = "Security alerts cannot be turned off: we always send them to every email address and mobile number on file";

    public const string TextNeedsMobile = "To get alerts by text, add a mobile number and confirm it with a code first";

    public const string OutOfDate = "The alerts changed since this page was shown. Check your choices and save again";

    public static IReadOnlyList<SelectItem> DayChoices { get; } =
        [.. Enumerable.Range(AlertCatalog.MinDaysBefore, AlertCatalog.MaxDaysBefore).Select(d =>
            new SelectItem(d.ToString(CultureInfo.InvariantCulture), d == 1 ? "1 day before" : $"{d} days before"))];

    [BindProperty]
    public Command Data { get; set; } = new();

    /// <summary>Reached from "Set up your account" after enrollment: the step may be skipped.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Setup { get; set; }

    public Account Current { get; private set; } = default!;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid? cardAccountId, CancellationToken cancellationToken)
    {
        var current = await mediator.Send(new Query(UserId, cardAccountId), cancellationToken);
        if (current is null)
        {
            return cardAccountId is null && Setup ? RedirectToPage("/Preferences/Index") : NotFound();
        }

        Current = current;
        Data = Command.From(current);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? cardAccountId, CancellationToken cancellationToken)
    {
        // Ownership first: another user's account is a 404 whatever was posted.
        if (cardAccountId is null || await mediator.Send(new Query(UserId, cardAccountId), cancellationToken) is not { } current)
        {
            return NotFound();
        }

        Current = current;
        Data.UserId = UserId;
        Data.CardAccountId = current.CardAccountId;
        Data.TextOffered = current.TextOffered;
        Data.MobileOnFile = current.MobileOnFile;
        if (!Data.Matches(AlertCatalog.Kinds))
        {
            // A form from before the list of alerts changed: show the current choices rather than guess.
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, OutOfDate);
            Data = Command.From(current);
            return Page();
        }

        await mediator.Send(Data, cancellationToken);
        if (Setup)
        {
            return Redirect(NextSetupStep);
        }

        TempData[SavedKey] = $"Your alerts for the {current.Name} are saved.";
        return RedirectToPage("/Preferences/Index");
    }

    /// <summary>The user's card account <c>CardAccountId</c> (or the first one when null) with its alert choices; null when it is not theirs.</summary>
    internal sealed record Query(string UserId, Guid? CardAccountId) : IRequest<Account?>;

    /// <param name="Name">The product and the last digits of its primary card, e.g. "Gold Card ending 0013".</param>
    /// <param name="TextOffered">A confirmed mobile number is on file: alerts can go by text.</param>
    /// <param name="MobileOnFile">A mobile number is on file (confirmed or not): security alerts go to it too.</param>
    /// <param name="IsDefault">True when the cardholder never saved the alerts of this account.</param>
    public sealed record Account(Guid CardAccountId, string Name, bool TextOffered, bool MobileOnFile, AlertChoices Choices, bool IsDefault);

    internal sealed class QueryHandler(PreferencesDbContext db, IMediator mediator) : IRequestHandler<Query, Account?>
    {
        public async Task<Account?> Handle(Query request, CancellationToken cancellationToken)
        {
            var accounts = await mediator.Send(new GetAccountDetails(request.UserId, request.CardAccountId), cancellationToken);
            if (accounts.FirstOrDefault() is not { } account)
            {
                return null;
            }

            var contact = await mediator.Send(new GetContactOnFile(account.CardAccountId), cancellationToken);
            var rows = await db.AlertSettings.AsNoTracking().Where(s => s.CardAccountId == account.CardAccountId).ToListAsync(cancellationToken);
            return new Account(
                account.CardAccountId,
                $"{account.ProductName} ending {account.Last4}",
                contact is { MobilePhone: not null, MobileVerified: true },
                contact?.MobilePhone is not null,
                AlertCatalog.ChoicesFrom(rows),
                rows.Count == 0);
        }
    }

    /// <summary>One alert type's choice as the form posts it.</summary>
    public sealed class Row
    {
        public string? Type { get; set; }

        public bool Email { get; set; }

        public bool Text { get; set; }

        /// <summary>"Purchase over" and "balance over": the amount as typed, e.g. "500" or "1,250.00".</summary>
        public string? Amount { get; set; }

        /// <summary>Payment due reminder: the days before the due date, 1 to 10.</summary>
        public string? Days { get; set; }

        internal bool IsOn => Email || Text;
    }

    /// <summary>Save every alert type of the card account at once.</summary>
    public sealed class Command : IRequest
    {
        [BindNever]
        public string UserId { get; set; } = string.Empty;

        [BindNever]
        public Guid CardAccountId { get; set; }

        [BindNever]
        public bool TextOffered { get; set; }

        [BindNever]
        public bool MobileOnFile { get; set; }

        /// <summary>One row per type of <see cref="AlertCatalog.Kinds"/>, in its order.</summary>
        public List<Row> Alerts { get; set; } = [];

        /// <summary>The security alerts' email checkbox: always checked, refused when not.</summary>
        public bool SecurityEmail { get; set; }

        /// <summary>The security alerts' text checkbox (shown when a mobile is on file): always checked, refused when not.</summary>
        public bool SecurityText { get; set; }

        internal bool Matches(IReadOnlyList<AlertKind> kinds) =>
            Alerts.Count == kinds.Count && Alerts.Zip(kinds).All(p => p.First.Type == p.Second.Type.ToString());

        internal static Command From(Account account) => new()
        {
            SecurityEmail = true,
            SecurityText = account.MobileOnFile,
            Alerts = [.. AlertCatalog.Kinds.Select(k => account.Choices.For(k.Type) ?? k.Default).Select(c => new Row
            {
                Type = c.Type.ToString(),
                Email = c.ByEmail,
                Text = c.ByText,
                Amount = c.ThresholdCents is { } cents ? Money.FromCents(cents).Amount.ToString("0.00", CultureInfo.InvariantCulture) : null,
                Days = (c.DaysBefore ?? AlertCatalog.DefaultDaysBefore).ToString(CultureInfo.InvariantCulture),
            })],
        };
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        private static readonly Money MaxAmount = Money.FromDecimal(1_000_000m);

        public Validator()
        {
            RuleFor(c => c.SecurityEmail).Equal(true).WithMessage(SecurityAlwaysOn);
            RuleFor(c => c.SecurityText).Equal(true).When(c => c.MobileOnFile).WithMessage(SecurityAlwaysOn);
            RuleFor(c => c).Custom((command, context) =>
            {
                for (var i = 0; i < command.Alerts.Count; i++)
                {
                    if (command.Alerts[i].Text && !command.TextOffered)
                    {
                        context.AddFailure($"{nameof(Command.Alerts)}[{i}].{nameof(Row.Text)}", TextNeedsMobile);
                    }
                }
            });
            RuleForEach(c => c.Alerts).ChildRules(row =>
            {
                row.When(r => KindOf(r)?.Extra == AlertExtra.Amount, () =>
                {
                    row.RuleFor(r => r.Amount).NotEmpty().When(r => r.IsOn).WithMessage("Enter the amount to be alerted above, for example 500");
                    row.RuleFor(r => r.Amount).Must(BeAnAmount).When(r => !string.IsNullOrWhiteSpace(r.Amount))
                        .WithMessage("Enter an amount in dollars, like 500 or 500.00, from $1 to $1,000,000");
                });
                row.RuleFor(r => r.Days)
                    .Must(d => int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var days)
                        && days is >= AlertCatalog.MinDaysBefore and <= AlertCatalog.MaxDaysBefore)
                    .When(r => r.IsOn && KindOf(r)?.Extra == AlertExtra.DaysBefore)
                    .WithMessage($"Choose from {AlertCatalog.MinDaysBefore} to {AlertCatalog.MaxDaysBefore} days before the due date");
            });
        }

        private static AlertKind? KindOf(Row row) => AlertCatalog.Kinds.FirstOrDefault(k => k.Type.ToString() == row.Type);

        private static bool BeAnAmount(string? text) =>
            Money.TryParse(text, out var amount) && amount >= Money.FromDecimal(1m) && amount <= MaxAmount;
    }

    internal sealed class Handler(PreferencesDbContext db, TimeProvider time) : IRequestHandler<Command>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var rows = request.Alerts.Zip(AlertCatalog.Kinds).Select(p => new AlertSetting
            {
                CardAccountId = request.CardAccountId,
                Type = p.Second.Type,
                ByEmail = p.First.Email,
                ByText = p.First.Text,
                ThresholdCents = p.Second.Extra == AlertExtra.Amount && Money.TryParse(p.First.Amount, out var amount) ? amount.Cents : null,
                DaysBefore = p.Second.Extra == AlertExtra.DaysBefore
                    ? int.TryParse(p.First.Days, NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? days : AlertCatalog.DefaultDaysBefore
                    : null,
                ChosenAt = now,
                ChosenBy = request.UserId,
            }).ToList();

            // Every type at once, in one transaction: a reader sees the old choices or the new ones, never half of each.
            // Two saves racing: the second one's inserts collide with the first's; it runs again over them, and the last save stands.
            for (var attempt = 1; ; attempt++)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.AlertSettings.Where(s => s.CardAccountId == request.CardAccountId).ExecuteDeleteAsync(cancellationToken);
                db.AlertSettings.AddRange(rows);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return Unit.Value;
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                }
            }
        }
    }
}
