using MediatR;

namespace BillCenter.Modules.Accounts.Features.PostPayments;

internal sealed class PostPaymentsHandler(LedgerPayments ledger) : IRequestHandler<Contracts.PostPayments, Unit>
{
    public Task<Unit> Handle(Contracts.PostPayments request, CancellationToken cancellationToken) =>
        ledger.PostAsync(request.Payments, LedgerPayments.PaymentReference, sign: -1, cancellationToken);
}
