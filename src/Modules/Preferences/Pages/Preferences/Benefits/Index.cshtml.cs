using System.Security.Claims;
using BillCenter.Modules.Accounts.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BillCenter.Modules.Preferences.Pages.Preferences.Benefits;

/// <summary>Every benefit of one card account's product, from the catalog the Accounts module owns; only the user's own accounts.</summary>
[Authorize]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public AccountSummary Account { get; private set; } = default!;

    public string Heading => $"Benefits of your {Account.ProductName}";

    public async Task<IActionResult> OnGetAsync(Guid cardAccountId, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new Query(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, cardAccountId), cancellationToken) is not { } account)
        {
            return NotFound();
        }

        Account = account;
        return Page();
    }

    /// <summary>The user's card account <c>CardAccountId</c> with its benefits; null when it is not theirs.</summary>
    internal sealed record Query(string UserId, Guid CardAccountId) : IRequest<AccountSummary?>;

    internal sealed class Handler(IMediator mediator) : IRequestHandler<Query, AccountSummary?>
    {
        public async Task<AccountSummary?> Handle(Query request, CancellationToken cancellationToken) =>
            (await mediator.Send(new GetAccountSummaries(request.UserId), cancellationToken)).FirstOrDefault(a => a.CardAccountId == request.CardAccountId);
    }
}
