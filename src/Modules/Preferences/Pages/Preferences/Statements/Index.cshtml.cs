using System.Security.Claims;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Preferences.Contracts;
using BillCenter.Modules.Preferences.Data;
using BillCenter.Modules.Preferences.Domain;
using BillCenter.SharedKernel.Web.TagHelpers;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Preferences.Pages.Preferences.Statements;

/// <summary>
/// How one card account's statements arrive: online (paperless, only with consent to the wording on the page) or
/// paper by mail. Only the signed-in user's own accounts: any other id is a 404 and nothing changes. Without an id
/// (the "Set up your account" step after enrollment) it is the user's first account.
/// </summary>
[Authorize]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const string Heading = "How you get your statements";

    public const string SavedKey = "preferences.statements.saved";

    public const string ConsentRequired = "Check the box to agree to online statements, or choose paper by mail";

    public static IReadOnlyList<RadioItem> Choices { get; } =
    [
        new(nameof(StatementDeliveryMethod.Paperless), "Online (paperless)", "We email you when each statement is ready to view here"),
        new(nameof(StatementDeliveryMethod.Paper), "Paper by mail", "We mail each statement to your billing address"),
    ];

    [BindProperty]
    public Command Data { get; set; } = new();

    /// <summary>Reached from "Set up your account" after enrollment: the step may be skipped.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Setup { get; set; }

    /// <summary>The account and its current choice.</summary>
    public Account Current { get; private set; } = default!;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid? cardAccountId, CancellationToken cancellationToken)
    {
        var current = await mediator.Send(new Query(UserId, cardAccountId), cancellationToken);
        if (current is null)
        {
            // No such account of this user; in the setup step, a user without accounts has nothing to choose.
            return cardAccountId is null && Setup ? RedirectToPage("/Preferences/Index") : NotFound();
        }

        Current = current;
        Data.Method = current.Method.ToString();
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
        var saved = await mediator.Send(Data, cancellationToken);
        TempData[SavedKey] = saved == StatementDeliveryMethod.Paper
            ? $"Your {current.Name} statements will come on paper by mail, from your next statement."
            : $"Your {current.Name} statements will be online: we email you when each is ready.";
        return RedirectToPage("/Preferences/Index");
    }

    /// <summary>The user's card account <c>CardAccountId</c> (or the first one when null) with its choice; null when it is not theirs.</summary>
    internal sealed record Query(string UserId, Guid? CardAccountId) : IRequest<Account?>;

    /// <param name="Name">The product, its nickname and the last digits of its primary card, e.g. "Gold Card ending 0013".</param>
    /// <param name="IsDefault">True when the cardholder never chose: <see cref="StatementDelivery.Default"/> applies.</param>
    /// <param name="ConsentedAt">When the cardholder agreed to online statements (paperless only).</param>
    public sealed record Account(Guid CardAccountId, string Name, StatementDeliveryMethod Method, bool IsDefault, DateTime? ConsentedAt);

    internal sealed class QueryHandler(PreferencesDbContext db, IMediator mediator) : IRequestHandler<Query, Account?>
    {
        public async Task<Account?> Handle(Query request, CancellationToken cancellationToken)
        {
            // Only the account asked for, among the user's (the first of them without an id): one light query in Accounts.
            var accounts = await mediator.Send(new GetAccountDetails(request.UserId, request.CardAccountId), cancellationToken);
            if (accounts.FirstOrDefault() is not { } account)
            {
                return null;
            }

            var row = await db.StatementDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.CardAccountId == account.CardAccountId, cancellationToken);
            return new Account(
                account.CardAccountId,
                NameOf(account),
                row?.Method ?? StatementDelivery.Default,
                row is null,
                row?.ConsentedAt);
        }

        private static string NameOf(AccountDetails account)
        {
            var nickname = account.Nickname is null ? string.Empty : $" ({account.Nickname})";
            return account.Last4.Length == 0 ? $"{account.ProductName}{nickname}" : $"{account.ProductName}{nickname} ending {account.Last4}";
        }
    }

    /// <summary>Save the choice for the card account; paperless only with consent. Answers the method saved.</summary>
    public sealed class Command : IRequest<StatementDeliveryMethod>
    {
        [BindNever]
        public string UserId { get; set; } = string.Empty;

        [BindNever]
        public Guid CardAccountId { get; set; }

        public string? Method { get; set; }

        /// <summary>The consent checkbox: "true" when checked.</summary>
        public bool Consent { get; set; }

        internal StatementDeliveryMethod Chosen => Enum.Parse<StatementDeliveryMethod>(Method!);
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Method).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Choose how you want to get your statements")
                .Must(m => Choices.Any(c => c.Value == m)).WithMessage("Choose online or paper by mail");
            RuleFor(c => c.Consent)
                .Equal(true).When(c => c.Method == nameof(StatementDeliveryMethod.Paperless)).WithMessage(ConsentRequired);
        }
    }

    internal sealed class Handler(PreferencesDbContext db, TimeProvider time) : IRequestHandler<Command, StatementDeliveryMethod>
    {
        public async Task<StatementDeliveryMethod> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var method = request.Chosen;
            var consentedAt = method == StatementDeliveryMethod.Paperless ? now : (DateTime?)null;
            var consentVersion = method == StatementDeliveryMethod.Paperless ? PaperlessConsent.Version : null;

            // Update the row if there is one; else insert it, and if another save inserted it meanwhile, update that one.
            if (await UpdateAsync() > 0)
            {
                return method;
            }

            db.StatementDeliveries.Add(new StatementDelivery
            {
                CardAccountId = request.CardAccountId,
                Method = method,
                ChosenAt = now,
                ChosenBy = request.UserId,
                ConsentedAt = consentedAt,
                ConsentVersion = consentVersion,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                await UpdateAsync();
            }

            return method;

            Task<int> UpdateAsync() => db.StatementDeliveries
                .Where(d => d.CardAccountId == request.CardAccountId)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(d => d.Method, method)
                        .SetProperty(d => d.ChosenAt, now)
                        .SetProperty(d => d.ChosenBy, request.UserId)
                        .SetProperty(d => d.ConsentedAt, consentedAt)
                        .SetProperty(d => d.ConsentVersion, consentVersion),
                    cancellationToken);
        }
    }
}
