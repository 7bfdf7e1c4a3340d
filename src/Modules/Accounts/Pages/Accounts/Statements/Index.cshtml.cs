using System.Security.Claims;
using Ardalis.Specification;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Features.AccountActivity;
using BillCenter.SharedKernel.Money;
using BillCenter.SharedKernel.Specifications;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Pages.Accounts.Statements;

/// <summary>The statements of one of the user's card accounts closed in the last 24 months, newest first; anyone else's account is a 404.</summary>
[Authorize]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const int Months = 24;

    internal StatementList Statements { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid account, CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        if (await mediator.Send(new Query(userId, account), cancellationToken) is not { } statements)
        {
            return NotFound();
        }

        Statements = statements;
        return Page();
    }

    /// <summary>The statements of <paramref name="CardAccountId"/> when it is linked to <paramref name="UserId"/>; null otherwise.</summary>
    internal sealed record Query(string UserId, Guid CardAccountId) : IRequest<StatementList?>;

    internal sealed record StatementList(OwnedAccount Account, IReadOnlyList<StatementRow> Items);

    internal sealed record StatementRow(Guid Id, string Number, DateOnly PeriodStart, DateOnly PeriodEnd, Money ClosingBalance, Money MinimumDue, DateOnly DueDate)
    {
        public string Period => StatementPeriod.Describe(PeriodStart, PeriodEnd);
    }

    /// <summary>An account's statements whose period ended on or after <paramref name="since"/>, newest first.</summary>
    internal sealed class RecentStatements : Specification<Domain.Statement, StatementRow>
    {
        public RecentStatements(Guid cardAccountId, DateOnly since)
        {
            Query.Where(s => s.CardAccountId == cardAccountId && s.PeriodEnd >= since)
                .OrderByDescending(s => s.PeriodEnd);
            Query.Select(s => new StatementRow(s.Id, s.Number, s.PeriodStart, s.PeriodEnd, s.ClosingBalance, s.MinimumDue, s.DueDate));
        }
    }

    internal sealed class QueryHandler(AccountsDbContext db, TimeProvider time) : IRequestHandler<Query, StatementList?>
    {
        public async Task<StatementList?> Handle(Query request, CancellationToken cancellationToken)
        {
            if (await OwnedAccount.FindAsync(db, request.UserId, request.CardAccountId, cancellationToken) is not { } account)
            {
                return null;
            }

            var since = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddMonths(-Months);
            var items = await db.Statements.AsNoTracking()
                .WithSpecification(new RecentStatements(account.CardAccountId, since))
                .ToListAsync(cancellationToken);
            return new StatementList(account, items);
        }
    }
}
