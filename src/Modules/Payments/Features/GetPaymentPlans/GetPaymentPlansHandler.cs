using BillCenter.Modules.Payments.Contracts;
using BillCenter.Modules.Payments.Data;
using BillCenter.Modules.Payments.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Payments.Features.GetPaymentPlans;

internal sealed class GetPaymentPlansHandler(PaymentsDbContext db) : IRequestHandler<Contracts.GetPaymentPlans, PaymentPlans>
{
    public async Task<PaymentPlans> Handle(Contracts.GetPaymentPlans request, CancellationToken cancellationToken)
    {
        var upcoming = await db.Payments.AsNoTracking()
            .Where(p => p.UserId == request.UserId && (p.Status == PaymentStatus.Scheduled || p.Status == PaymentStatus.Processing))
            .OrderBy(p => p.PayOn).ThenBy(p => p.Id)
            .Select(p => new UpcomingPayment(p.Id, p.CardAccountId, p.PayOn, p.Amount, p.Status == PaymentStatus.Processing, p.StatementId != null, p.ConfirmationNumber))
            .ToListAsync(cancellationToken);
        var autoPay = await db.AutoPayPlans.AsNoTracking().Where(a => a.UserId == request.UserId).Select(a => a.CardAccountId).ToListAsync(cancellationToken);
        return new PaymentPlans(upcoming, autoPay);
    }
}
