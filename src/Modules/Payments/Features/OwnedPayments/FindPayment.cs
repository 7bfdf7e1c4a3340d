using BillCenter.Modules.Payments.Data;
using MediatR;

namespace BillCenter.Modules.Payments.Features.OwnedPayments;

/// <summary>The user's payment with that id, as its pages show it; null for anyone else's.</summary>
internal sealed record FindPayment(string UserId, Guid PaymentId) : IRequest<PaymentView?>;

internal sealed class FindPaymentHandler(PaymentsDbContext db, IMediator mediator, TimeProvider time) : IRequestHandler<FindPayment, PaymentView?>
{
    public Task<PaymentView?> Handle(FindPayment request, CancellationToken cancellationToken) =>
        PaymentView.FindAsync(db, mediator, time, request.UserId, request.PaymentId, cancellationToken);
}
