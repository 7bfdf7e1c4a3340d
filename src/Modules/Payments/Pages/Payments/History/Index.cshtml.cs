using System.Security.Claims;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Payments.Data;
using BillCenter.Modules.Payments.Domain;
using BillCenter.Modules.Payments.Features.PaymentForm;
using BillCenter.SharedKernel.Money;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Payments.Pages.Payments.History;

/// <summary>Every payment the user made or AutoPay made for them, newest first, 20 a page.</summary>
[Authorize]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const int PageSize = 20;

    /// <summary>"?p=2": "page" is Razor Pages' own route value.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int PageCount { get; private set; }

    public int Total { get; private set; }

    internal IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        var result = await mediator.Send(new Query(userId, PageNumber), cancellationToken);
        (Total, PageCount, PageNumber, Rows) = (result.Total, result.PageCount, result.PageNumber, result.Rows);
        return Page();
    }

    internal sealed record Row(Guid Id, DateOnly PayOn, Money Amount, string AccountName, string BankAccountName, PaymentStatus Status, string ConfirmationNumber, bool FromAutoPay);

    internal sealed record Result(int Total, int PageCount, int PageNumber, IReadOnlyList<Row> Rows);

    /// <summary>One page of the user's payments; a page number out of range shows the nearest page.</summary>
    internal sealed record Query(string UserId, int PageNumber) : IRequest<Result>;

    internal sealed class Handler(PaymentsDbContext db, IMediator mediator) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var mine = db.Payments.AsNoTracking().Where(p => p.UserId == request.UserId);
            var total = await mine.CountAsync(cancellationToken);
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            var pageNumber = Math.Clamp(request.PageNumber, 1, pageCount);
            var payments = await mine.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
                .Skip((pageNumber - 1) * PageSize).Take(PageSize)
                .Select(p => new { p.Id, p.CardAccountId, p.BankAccountId, p.Amount, p.PayOn, p.Status, p.ConfirmationNumber, AutoPay = p.StatementId != null })
                .ToListAsync(cancellationToken);
            var accounts = (await mediator.Send(new GetPaymentAccounts(request.UserId), cancellationToken)).ToDictionary(a => a.CardAccountId, a => a.DisplayName);
            var banks = await OwnedBankAccounts.NamesAsync(db, [.. payments.Select(p => p.BankAccountId).Distinct()], cancellationToken);
            return new Result(total, pageCount, pageNumber, [.. payments.Select(p => new Row(
                p.Id, p.PayOn, p.Amount, accounts.GetValueOrDefault(p.CardAccountId) ?? "Card account no longer linked", banks.GetValueOrDefault(p.BankAccountId) ?? "Bank account", p.Status, p.ConfirmationNumber, p.AutoPay))]);
        }
    }
}
