using System.Security.Claims;
using Ardalis.Specification;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.Modules.Accounts.Features.AccountActivity;
using BillCenter.SharedKernel.Specifications;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Pages.Accounts.Statement;

/// <summary>
/// One statement of one of the user's accounts: the summary box, the late-payment warning and every entry grouped by
/// card, with CSV and PDF downloads. Another user's account, or a statement of another account, is a 404 everywhere.
/// </summary>
[Authorize]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    internal StatementDetails Statement { get; private set; } = default!;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid account, Guid statement, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new Query(UserId, account, statement), cancellationToken) is not { } details)
        {
            return NotFound();
        }

        Statement = details;
        return Page();
    }

    /// <summary>The statement's entries as CSV (columns in the README), named statement-&lt;number&gt;.csv.</summary>
    public async Task<IActionResult> OnGetCsvAsync(Guid account, Guid statement, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new Query(UserId, account, statement), cancellationToken) is not { } details)
        {
            return NotFound();
        }

        await TransactionCsv.SendAsync(Response, $"statement-{details.Number}.csv", details.Lines.ToAsyncEnumerable(), details.Account.Last4Of, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>The statement as a tagged, accessible PDF, named statement-&lt;number&gt;.pdf.</summary>
    public async Task<IActionResult> OnGetPdfAsync(Guid account, Guid statement, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new Query(UserId, account, statement), cancellationToken) is not { } details)
        {
            return NotFound();
        }

        return File(StatementPdf.Render(details), "application/pdf", $"statement-{details.Number}.pdf");
    }

    /// <summary>The statement <paramref name="StatementId"/> of <paramref name="CardAccountId"/>, when that account is linked to <paramref name="UserId"/>; null otherwise.</summary>
    internal sealed record Query(string UserId, Guid CardAccountId, Guid StatementId) : IRequest<StatementDetails?>;

    /// <summary>The entries a statement included, oldest first.</summary>
    internal sealed class StatementEntries : Specification<CardTransaction, TransactionLine>
    {
        public StatementEntries(Guid statementId)
        {
            Query.Where(t => t.StatementId == statementId)
                .OrderBy(t => t.PostedAt).ThenBy(t => t.Id);
            Query.Select(t => new TransactionLine(t.Id, t.PostedAt, t.CardId, t.Description, t.Kind, t.Amount, t.MerchantCategory, t.Reference));
        }
    }

    internal sealed class QueryHandler(AccountsDbContext db) : IRequestHandler<Query, StatementDetails?>
    {
        public async Task<StatementDetails?> Handle(Query request, CancellationToken cancellationToken)
        {
            if (await OwnedAccount.FindAsync(db, request.UserId, request.CardAccountId, cancellationToken) is not { } account)
            {
                return null;
            }

            var statement = await db.Statements.AsNoTracking()
                .SingleOrDefaultAsync(s => s.Id == request.StatementId && s.CardAccountId == account.CardAccountId, cancellationToken);
            if (statement is null)
            {
                return null;
            }

            var lines = await db.Transactions.AsNoTracking().WithSpecification(new StatementEntries(statement.Id)).ToListAsync(cancellationToken);
            // The account's cards in their order (primary first), then the account's own entries.
            var groups = account.Cards
                .Select(card => new TransactionGroup($"Card ending {card.Last4}", [.. lines.Where(l => l.CardId == card.CardId)]))
                .Append(new TransactionGroup(TransactionGroup.AccountHeading, [.. lines.Where(l => account.Last4Of(l.CardId) is null)]))
                .Where(g => g.Lines.Count > 0)
                .ToList();
            return new StatementDetails(
                account, statement.Id, statement.Number, statement.PeriodStart, statement.PeriodEnd, statement.PreviousBalance, statement.PaymentsAndCredits,
                statement.Purchases, statement.Fees, statement.Interest, statement.ClosingBalance, statement.MinimumDue, statement.DueDate, groups);
        }
    }
}
