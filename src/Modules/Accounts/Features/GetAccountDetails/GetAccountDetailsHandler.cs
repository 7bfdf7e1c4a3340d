using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.SharedKernel.Cards;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.GetAccountDetails;

internal sealed class GetAccountDetailsHandler(AccountsDbContext db) : IRequestHandler<Contracts.GetAccountDetails, IReadOnlyList<AccountDetails>>
{
    public async Task<IReadOnlyList<AccountDetails>> Handle(Contracts.GetAccountDetails request, CancellationToken cancellationToken)
    {
        var accounts = db.CardAccounts.AsNoTracking()
            .Where(a => a.Status == AccountStatus.Open && db.UserLinks.Any(l => l.CardAccountId == a.Id && l.UserId == request.UserId));
        if (request.CardAccountId is { } id)
        {
            accounts = accounts.Where(a => a.Id == id);
        }

        var rows = await accounts
            .OrderBy(a => a.OpenedAt).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.Product,
                a.Nickname,
                a.BillingAddress.Line1,
                a.BillingAddress.Line2,
                a.BillingAddress.City,
                a.BillingAddress.State,
                a.BillingAddress.Zip,
                Last4 = a.Cards.Where(c => c.Status != CardStatus.Replaced).OrderByDescending(c => c.Status == CardStatus.Active).ThenByDescending(c => c.IsPrimary).ThenByDescending(c => c.IssuedAt)
                    .Select(c => c.Last4).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new AccountDetails(
            r.Id,
            ProductCatalog.DisplayName(r.Product),
            r.Last4 ?? string.Empty,
            r.Nickname,
            new BillingAddress(r.Line1, r.Line2, r.City, r.State,
                ZipCode.TryParse(r.Zip, out var zip) ? zip : throw new InvalidOperationException($"Card account {r.Id} has a malformed ZIP code on file."))))];
    }
}
