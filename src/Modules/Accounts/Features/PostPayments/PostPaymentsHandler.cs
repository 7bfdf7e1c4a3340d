using BillCenter.Modules.Accounts.Data;
using MediatR;

namespace BillCenter.Modules.Accounts.Features.PostPayments;

internal sealed class PostPaymentsHandler(AccountsDbContext db, TimeProvider time) : IRequestHandler<Contracts.PostPayments, Unit>
{
    public Task<Unit> Handle(Contracts.PostPayments request, CancellationToken cancellationToken) =>
        LedgerPayments.PostAsync(db, time, request.Payments, LedgerPayments.PaymentReference, sign: -1, cancellationToken);
}
