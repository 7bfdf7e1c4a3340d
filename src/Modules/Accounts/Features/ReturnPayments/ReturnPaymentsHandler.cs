using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Features.PostPayments;
using MediatR;

namespace BillCenter.Modules.Accounts.Features.ReturnPayments;

internal sealed class ReturnPaymentsHandler(AccountsDbContext db, TimeProvider time) : IRequestHandler<Contracts.ReturnPayments, Unit>
{
    public Task<Unit> Handle(Contracts.ReturnPayments request, CancellationToken cancellationToken) =>
        LedgerPayments.PostAsync(db, time, request.Payments, LedgerPayments.ReturnReference, sign: 1, cancellationToken);
}
