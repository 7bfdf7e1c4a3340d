using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using MediatR;

namespace BillCenter.Modules.Accounts.Features.GetPaymentAccounts;

/// <summary>The accounts linked to an online user (optionally one of them; another user's account is simply absent).</summary>
internal sealed class GetPaymentAccountsHandler(AccountsDbContext db) : IRequestHandler<Contracts.GetPaymentAccounts, IReadOnlyList<PaymentAccount>>
{
    public Task<IReadOnlyList<PaymentAccount>> Handle(Contracts.GetPaymentAccounts request, CancellationToken cancellationToken)
    {
        var linked = db.UserLinks.Where(l => l.UserId == request.UserId).Select(l => l.CardAccountId);
        var accounts = db.CardAccounts.Where(a => linked.Contains(a.Id));
        if (request.CardAccountId is { } id)
        {
            accounts = accounts.Where(a => a.Id == id);
        }

        return PaymentAccountsQuery.LoadAsync(db, accounts, cancellationToken);
    }
}
