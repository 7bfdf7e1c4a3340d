using BillCenter.Modules.Accounts.Features.PostPayments;
using MediatR;

namespace BillCenter.Modules.Accounts.Features.ReturnPayments;

internal sealed class ReturnPaymentsHandler(LedgerPayments ledger) : IRequestHandler<Contracts.ReturnPayments, Unit>
{
    public Task<Unit> Handle(Contracts.ReturnPayments request, CancellationToken cancellationToken) =>
        ledger.PostAsync(request.Payments, LedgerPayments.ReturnReference, sign: 1, cancellationToken);
}
