using System.Globalization;
using System.Security.Claims;
using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Payments.Data;
using BillCenter.Modules.Payments.Domain;
using BillCenter.SharedKernel.Messaging;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Payments.Pages.Payments.BankAccounts;

/// <summary>
/// The signed-in user's saved bank accounts (never a removed one), each with a Remove button. Removing is refused while
/// a scheduled or processing payment or an AutoPay plan uses the account; otherwise the account is hidden (its row stays
/// for the payments made from it), a security alert goes out and the change is audited. Another user's id is a 404.
/// </summary>
[Authorize]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const string Heading = "Your bank accounts";

    /// <summary>The status message of a change to the bank accounts, shown once on the next page.</summary>
    public const string SavedKey = "payments.bank-accounts.saved";

    [BindProperty]
    public Command Data { get; set; } = new();

    public IReadOnlyList<SavedBankAccount> Accounts { get; private set; } = [];

    public string? Saved { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public static string RemovedMessage(string name) => $"{name} is removed. We sent a security alert to your contact details.";

    public static string UsedByAutoPay(string name) =>
        $"You cannot remove {name} while AutoPay pays from it. Choose another bank account for AutoPay, or turn AutoPay off, first";

    public static string UsedByPayment(string name) =>
        $"You cannot remove {name} while a payment from it is scheduled or processing. Cancel the payment, or wait until it has posted, first";

    public static string Added(DateTime at) => at.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Saved = TempData[SavedKey] as string;
        Accounts = await mediator.Send(new Query(UserId), cancellationToken);
    }

    /// <summary>Remove the bank account posted in <c>Data.BankAccountId</c>.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Data.UserId = UserId;
        var removal = await mediator.Send(Data, cancellationToken);
        switch (removal.Outcome)
        {
            case RemoveOutcome.NotFound:
                return NotFound();
            case RemoveOutcome.Removed:
                TempData[SavedKey] = RemovedMessage(removal.Name!);
                return RedirectToPage();
            default:
                ModelState.AddModelError($"{nameof(Data)}.{nameof(Command.BankAccountId)}",
                    removal.Outcome == RemoveOutcome.UsedByAutoPay ? UsedByAutoPay(removal.Name!) : UsedByPayment(removal.Name!));
                Accounts = await mediator.Send(new Query(UserId), cancellationToken);
                return Page();
        }
    }

    /// <summary>A saved bank account as the pages show it: never its account number, only its kind and last four digits.</summary>
    public sealed record SavedBankAccount(Guid Id, string DisplayName, string HolderName, string RoutingNumber, DateTime AddedAt);

    /// <summary>The user's saved (not removed) bank accounts, oldest first.</summary>
    internal sealed record Query(string UserId) : IRequest<IReadOnlyList<SavedBankAccount>>;

    internal sealed class QueryHandler(PaymentsDbContext db) : IRequestHandler<Query, IReadOnlyList<SavedBankAccount>>
    {
        public async Task<IReadOnlyList<SavedBankAccount>> Handle(Query request, CancellationToken cancellationToken)
        {
            var rows = await db.BankAccounts.AsNoTracking()
                .Where(b => b.UserId == request.UserId && b.RemovedAt == null)
                .OrderBy(b => b.AddedAt).ThenBy(b => b.Id)
                .Select(b => new { b.Id, b.Kind, b.Last4, b.Nickname, b.HolderName, b.RoutingNumber, b.AddedAt })
                .ToListAsync(cancellationToken);
            return [.. rows.Select(r => new SavedBankAccount(r.Id, BankAccount.Describe(r.Kind, r.Last4, r.Nickname), r.HolderName, r.RoutingNumber, r.AddedAt))];
        }
    }

    public enum RemoveOutcome
    {
        Removed = 1,
        NotFound = 2,
        UsedByAutoPay = 3,
        UsedByPayment = 4,
    }

    /// <param name="Name">The account's display name, e.g. "Checking ending 6789"; null when not found.</param>
    public sealed record Removal(RemoveOutcome Outcome, string? Name);

    /// <summary>Remove one of the user's saved bank accounts.</summary>
    public sealed class Command : IRequest<Removal>
    {
        [BindNever]
        public string UserId { get; set; } = string.Empty;

        public Guid BankAccountId { get; set; }
    }

    internal sealed class Handler(PaymentsDbContext db, IMediator mediator, TimeProvider time) : IRequestHandler<Command, Removal>
    {
        public async Task<Removal> Handle(Command request, CancellationToken cancellationToken)
        {
            var account = await db.BankAccounts.AsNoTracking()
                .Where(b => b.Id == request.BankAccountId && b.UserId == request.UserId && b.RemovedAt == null)
                .Select(b => new { b.Id, b.Kind, b.Last4, b.Nickname })
                .SingleOrDefaultAsync(cancellationToken);
            if (account is null)
            {
                return new Removal(RemoveOutcome.NotFound, null);
            }

            var name = BankAccount.Describe(account.Kind, account.Last4, account.Nickname);
            // What alerts and the audit say: its kind and last four digits only, never the cardholder's own words.
            var plainName = BankAccount.Describe(account.Kind, account.Last4, null);
            var now = time.GetUtcNow().UtcDateTime;
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                // One statement that checks what it removes: a payment or an AutoPay plan using the account keeps it.
                var removed = await db.BankAccounts
                    .Where(b => b.Id == account.Id && b.RemovedAt == null)
                    .Where(b => !db.AutoPayPlans.Any(p => p.BankAccountId == b.Id))
                    .Where(b => !db.Payments.Any(p => p.BankAccountId == b.Id && (p.Status == PaymentStatus.Scheduled || p.Status == PaymentStatus.Processing)))
                    .ExecuteUpdateAsync(set => set.SetProperty(b => b.RemovedAt, now), cancellationToken);
                if (removed == 0)
                {
                    if (!await db.BankAccounts.AnyAsync(b => b.Id == account.Id && b.RemovedAt == null, cancellationToken))
                    {
                        return new Removal(RemoveOutcome.NotFound, null); // removed meanwhile, in another window
                    }

                    return await db.AutoPayPlans.AnyAsync(p => p.BankAccountId == account.Id, cancellationToken)
                        ? new Removal(RemoveOutcome.UsedByAutoPay, name)
                        : new Removal(RemoveOutcome.UsedByPayment, name);
                }

                db.Publish(new AlertRequested(Guid.NewGuid(), now, AlertType.Security, "bank-account-removed", null, request.UserId,
                    new Dictionary<string, string>(StringComparer.Ordinal) { ["BankAccount"] = plainName }));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.BankAccountRemoved, request.UserId, Detail: plainName), cancellationToken);
            return new Removal(RemoveOutcome.Removed, name);
        }
    }
}
