using System.Security.Claims;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Payments.Data;
using BillCenter.Modules.Payments.Domain;
using BillCenter.Modules.Payments.Features.PaymentForm;
using BillCenter.SharedKernel.Money;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Payments.Pages.Payments;

/// <summary>Payments at a glance: per card account what is owed and by when, AutoPay, and payments not yet posted.</summary>
[Authorize]
public sealed class IndexModel(IMediator mediator, TimeProvider time) : PageModel
{
    public IReadOnlyList<PaymentAccount> Accounts { get; private set; } = [];

    internal ILookup<Guid, Upcoming> UpcomingByAccount { get; private set; } = Array.Empty<Upcoming>().ToLookup(u => u.CardAccountId);

    internal IReadOnlyDictionary<Guid, AutoPayRule> AutoPay { get; private set; } = new Dictionary<Guid, AutoPayRule>();

    public int BankAccountCount { get; private set; }

    public bool TodayClosed { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        Accounts = await mediator.Send(new GetPaymentAccounts(userId), cancellationToken);
        var plans = await mediator.Send(new Query(userId), cancellationToken);
        UpcomingByAccount = plans.Upcoming.ToLookup(u => u.CardAccountId);
        AutoPay = plans.AutoPay;
        BankAccountCount = plans.BankAccountCount;
        var now = time.GetUtcNow();
        TodayClosed = PaymentCalendar.EarliestPayDate(now) != PaymentCalendar.Today(now);
    }

    internal static string Describe(AutoPayRule rule) => rule switch
    {
        AutoPayRule.MinimumDue => "pays the minimum payment due",
        AutoPayRule.StatementBalance => "pays the statement balance",
        _ => "pays a fixed amount",
    };

    internal sealed record Upcoming(Guid Id, Guid CardAccountId, Money Amount, DateOnly PayOn, PaymentStatus Status, string ConfirmationNumber, string BankAccountName, bool FromAutoPay);

    internal sealed record Plans(IReadOnlyList<Upcoming> Upcoming, IReadOnlyDictionary<Guid, AutoPayRule> AutoPay, int BankAccountCount);

    /// <summary>The user's payments not yet posted, AutoPay plans and number of saved bank accounts.</summary>
    internal sealed record Query(string UserId) : IRequest<Plans>;

    internal sealed class Handler(PaymentsDbContext db) : IRequestHandler<Query, Plans>
    {
        public async Task<Plans> Handle(Query request, CancellationToken cancellationToken)
        {
            var upcoming = await db.Payments.AsNoTracking()
                .Where(p => p.UserId == request.UserId && (p.Status == PaymentStatus.Scheduled || p.Status == PaymentStatus.Processing))
                .OrderBy(p => p.PayOn).ThenBy(p => p.Id)
                .Select(p => new { p.Id, p.CardAccountId, p.BankAccountId, p.Amount, p.PayOn, p.Status, p.ConfirmationNumber, AutoPay = p.StatementId != null })
                .ToListAsync(cancellationToken);
            var banks = await OwnedBankAccounts.NamesAsync(db, [.. upcoming.Select(p => p.BankAccountId).Distinct()], cancellationToken);
            var autoPay = await db.AutoPayPlans.AsNoTracking().Where(a => a.UserId == request.UserId).ToDictionaryAsync(a => a.CardAccountId, a => a.Rule, cancellationToken);
            var bankAccounts = await db.BankAccounts.CountAsync(b => b.UserId == request.UserId && b.RemovedAt == null, cancellationToken);
            return new Plans(
                [.. upcoming.Select(p => new Upcoming(p.Id, p.CardAccountId, p.Amount, p.PayOn, p.Status, p.ConfirmationNumber, banks.GetValueOrDefault(p.BankAccountId) ?? "Bank account", p.AutoPay))],
                autoPay,
                bankAccounts);
        }
    }
}
