using System.Security.Claims;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Payments.Contracts;
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

    /// <summary>Payments not yet posted and AutoPay, from the Payments module, shown with each account.</summary>
    public PaymentPlans Payments { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        Accounts = await mediator.Send(new GetAccountSummaries(userId), cancellationToken);
        Payments = await mediator.Send(new GetPaymentPlans(userId), cancellationToken);
        PreviousSignIn = await mediator.Send(new GetPreviousSignIn(userId), cancellationToken);
    }
}
