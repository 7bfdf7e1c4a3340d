using System.Security.Claims;
using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Payments.Data;
using BillCenter.Modules.Payments.Domain;
using BillCenter.SharedKernel.Messaging;
using BillCenter.SharedKernel.Web.TagHelpers;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Payments.Pages.Payments.BankAccounts;

/// <summary>
/// Add a bank account to pay from: checking or savings, the name on it, the routing number (its check digit checked)
/// and the account number typed twice. The account number is kept only encrypted, with a keyed fingerprint that refuses
/// the same account twice, and is never written back into the page, an alert, a log or the audit: they say "Checking
/// ending 6789". Then back to a local <c>returnUrl</c> under /payments (AutoPay sends people here), or to the list.
/// </summary>
[Authorize]
public sealed class AddModel(IMediator mediator) : PageModel
{
    public const string Heading = "Add a bank account";

    public const string AlreadySaved = "You have already saved this bank account";

    public static IReadOnlyList<RadioItem> Kinds { get; } =
        [new(nameof(BankAccountKind.Checking), "Checking"), new(nameof(BankAccountKind.Savings), "Savings")];

    [BindProperty]
    public Command Data { get; set; } = new();

    /// <summary>Where to go once saved: a page under /payments (e.g. the AutoPay page that sent the cardholder here).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public static string SavedMessage(string name) => $"{name} is saved. We sent a security alert to your contact details.";

    /// <summary>Where "Cancel" and a save lead: <paramref name="returnUrl"/> when it is a page of this site under /payments, else the list.</summary>
    public static string Destination(string? returnUrl) =>
        returnUrl is not null
        && (returnUrl == "/payments" || returnUrl.StartsWith("/payments/", StringComparison.Ordinal) || returnUrl.StartsWith("/payments?", StringComparison.Ordinal))
        && !returnUrl.Contains('\\', StringComparison.Ordinal)
        && !returnUrl.Contains("//", StringComparison.Ordinal)
        && returnUrl.All(c => !char.IsControl(c) && !char.IsWhiteSpace(c))
            ? returnUrl
            : "/payments/bank-accounts";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Data.UserId = UserId;
        var name = await mediator.Send(Data, cancellationToken);
        if (name is null)
        {
            ModelState.AddModelError($"{nameof(Data)}.{nameof(Command.AccountNumber)}", AlreadySaved);
            return Page();
        }

        TempData[IndexModel.SavedKey] = SavedMessage(name);
        return LocalRedirect(Destination(ReturnUrl));
    }

    /// <summary>The numbers as typed, without the spaces and dashes people type in them.</summary>
    internal static string Digits(string? typed) =>
        new((typed ?? string.Empty).Where(c => c is not (' ' or '-')).ToArray());

    /// <summary>Save the bank account; answers its display name, or null when the user has already saved it.</summary>
    public sealed class Command : IRequest<string?>
    {
        [BindNever]
        public string UserId { get; set; } = string.Empty;

        public string? Kind { get; set; }

        public string? HolderName { get; set; }

        public string? RoutingNumber { get; set; }

        public string? AccountNumber { get; set; }

        public string? ConfirmAccountNumber { get; set; }

        public string? Nickname { get; set; }
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public const int MinAccountDigits = 4;
        public const int MaxAccountDigits = 17;

        public Validator()
        {
            RuleFor(c => c.Kind).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Select if it is a checking or savings account")
                .Must(k => Kinds.Any(item => item.Value == k))
                .WithMessage("Select checking or savings");

            RuleFor(c => c.HolderName).Cascade(CascadeMode.Stop)
                .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter the name on the account")
                .Must(n => n!.Trim().Length <= BankAccount.MaxHolderNameLength)
                .WithMessage($"Name on the account must be {BankAccount.MaxHolderNameLength} characters or fewer")
                .Matches(@"^\s*[\p{L}][\p{L} .'\-]*\s*$")
                .WithMessage("Name on the account must only include letters, spaces, periods, apostrophes and hyphens");

            RuleFor(c => c.RoutingNumber).Cascade(CascadeMode.Stop)
                .Must(r => Digits(r).Length > 0).WithMessage("Enter the routing number")
                .Must(r => Digits(r).All(char.IsAsciiDigit)).WithMessage("Routing number must only include numbers 0 to 9")
                .Must(r => Digits(r).Length == Domain.RoutingNumber.Length).WithMessage($"Routing number must be {Domain.RoutingNumber.Length} digits")
                .Must(r => Domain.RoutingNumber.HasValidChecksum(Digits(r)))
                .WithMessage("Enter a valid routing number: it is the 9 digits at the bottom left of a check");

            RuleFor(c => c.AccountNumber).Cascade(CascadeMode.Stop)
                .Must(a => Digits(a).Length > 0).WithMessage("Enter the account number")
                .Must(a => Digits(a).All(char.IsAsciiDigit)).WithMessage("Account number must only include numbers 0 to 9")
                .Must(a => Digits(a).Length is >= MinAccountDigits and <= MaxAccountDigits)
                .WithMessage($"Account number must be between {MinAccountDigits} and {MaxAccountDigits} digits");

            RuleFor(c => c.ConfirmAccountNumber).Cascade(CascadeMode.Stop)
                .Must(a => Digits(a).Length > 0).WithMessage("Enter the account number again")
                .Must((c, a) => Digits(a) == Digits(c.AccountNumber)).WithMessage("Account numbers do not match: enter the same account number twice");

            RuleFor(c => c.Nickname).Cascade(CascadeMode.Stop)
                .Must(n => (n?.Trim().Length ?? 0) <= BankAccount.MaxNicknameLength)
                .WithMessage($"Nickname must be {BankAccount.MaxNicknameLength} characters or fewer")
                .Matches(@"^[\p{L}\p{Nd} .,'\-&()#/!?]*$")
                .WithMessage("Nickname must only include letters, numbers, spaces and these marks: . , ' - & ( ) # / ! ?");
        }
    }

    internal sealed class Handler(PaymentsDbContext db, BankAccountNumbers numbers, IMediator mediator, TimeProvider time) : IRequestHandler<Command, string?>
    {
        public async Task<string?> Handle(Command request, CancellationToken cancellationToken)
        {
            var routing = Digits(request.RoutingNumber);
            var accountNumber = Digits(request.AccountNumber);
            var fingerprint = numbers.Fingerprint(routing, accountNumber);
            if (await db.BankAccounts.AnyAsync(b => b.UserId == request.UserId && b.Fingerprint == fingerprint && b.RemovedAt == null, cancellationToken))
            {
                return null;
            }

            var now = time.GetUtcNow().UtcDateTime;
            var account = numbers.NewAccount(request.UserId, Enum.Parse<BankAccountKind>(request.Kind!), request.HolderName!, routing, accountNumber, request.Nickname, now);
            // What alerts and the audit say: its kind and last four digits only, never the cardholder's own words.
            var plainName = BankAccount.Describe(account.Kind, account.Last4, null);
            db.BankAccounts.Add(account);
            db.Publish(new AlertRequested(Guid.NewGuid(), now, AlertType.Security, "bank-account-added", null, request.UserId,
                new Dictionary<string, string>(StringComparer.Ordinal) { ["BankAccount"] = plainName }));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same account saved meanwhile (two submits racing): the unique index kept one.
                db.ChangeTracker.Clear();
                if (await db.BankAccounts.AnyAsync(b => b.UserId == request.UserId && b.Fingerprint == fingerprint && b.RemovedAt == null, cancellationToken))
                {
                    return null;
                }

                throw;
            }

            await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.BankAccountAdded, request.UserId, Detail: plainName), cancellationToken);
            return account.DisplayName;
        }
    }
}
