using System.Security.Claims;
using BillCenter.Bench.Reference.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Bench.Reference.Pages;

/// <summary>The signed-in user's account and its 10 latest transactions, in one EF Core query.</summary>
[Authorize]
internal sealed class AccountModel(ReferenceDbContext db) : PageModel
{
    public const int LatestTransactions = 10;

    public Account Account { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Account = await db.Accounts
            .Include(a => a.Transactions.OrderByDescending(t => t.PostedAt).Take(LatestTransactions))
            .SingleAsync(a => a.OwnerId == userId, cancellationToken);
    }
}
