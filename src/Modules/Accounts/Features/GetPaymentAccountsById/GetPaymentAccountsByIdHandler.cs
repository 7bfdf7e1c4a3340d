using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Features.GetPaymentAccounts;
using MediatR;

namespace BillCenter.Modules.Accounts.Features.GetPaymentAccountsById;

/// <summary>For jobs that already know the accounts: the same answer as for a user, by id.</summary>
internal sealed class GetPaymentAccountsByIdHandler(AccountsDbContext db) : IRequestHandler<Contracts.GetPaymentAccountsById, IReadOnlyList<PaymentAccount>>
{
    public Task<IReadOnlyList<PaymentAccount>> Handle(Contracts.GetPaymentAccountsById request, CancellationToken cancellationToken) =>
        PaymentAccountsQuery.LoadAsync(db, db.CardAccounts.Where(a => request.CardAccountIds.Contains(a.Id)), cancellationToken);
}
