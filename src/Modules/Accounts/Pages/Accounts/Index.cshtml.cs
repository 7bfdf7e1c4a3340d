using System.Security.Claims;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Audit.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BillCenter.Modules.Accounts.Pages.Accounts;

[Authorize]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];

    /// <summary>The sign-in before this session's, to spot one that was not the cardholder; null on a first sign-in.</summary>
    public PreviousSignIn? PreviousSignIn { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        Accounts = await mediator.Send(new GetAccountSummaries(userId), cancellationToken);
        PreviousSignIn = await mediator.Send(new GetPreviousSignIn(userId), cancellationToken);
    }
}
