using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Payments.Data;
using BillCenter.Modules.Payments.Domain;
using BillCenter.Modules.Payments.Features.PaymentForm;
using BillCenter.SharedKernel.Money;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Payments.Features.OwnedPayments;

/// <summary>One payment as its pages show it, found only among the signed-in user's own payments.</summary>
internal sealed record PaymentView(
    Guid Id,
    Guid CardAccountId,
    string AccountName,
    Guid BankAccountId,
    string BankAccountName,
    Money Amount,
    DateOnly PayOn,
    PaymentStatus Status,
    string ConfirmationNumber,
    bool FromAutoPay,
    DateTime CreatedAt,
    DateTime? PostedAt,
    bool CanChange)
{
    /// <summary>The user's payment with that id, or null (another user's id is not found, like an unknown one).</summary>
    public static async Task<PaymentView?> FindAsync(PaymentsDbContext db, IMediator mediator, TimeProvider time, string userId, Guid paymentId, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.Id == paymentId && p.UserId == userId, cancellationToken);
        if (payment is null)
        {
            return null;
        }

        var account = (await mediator.Send(new GetPaymentAccounts(userId, payment.CardAccountId), cancellationToken)).SingleOrDefault();
        if (account is null)
        {
            return null; // the card account is no longer linked to this user
        }

        var bankNames = await OwnedBankAccounts.NamesAsync(db, [payment.BankAccountId], cancellationToken);
        return new PaymentView(
            payment.Id, payment.CardAccountId, account.DisplayName, payment.BankAccountId, bankNames.GetValueOrDefault(payment.BankAccountId) ?? "Bank account",
            payment.Amount, payment.PayOn, payment.Status, payment.ConfirmationNumber, payment.FromAutoPay, payment.CreatedAt, payment.PostedAt,
            IsChangeable(payment.Status, payment.PayOn, time));
    }

    /// <summary>Scheduled and before the cut-off on its date: after it, the payment is Processing and stays as it is.</summary>
    public static bool IsChangeable(PaymentStatus status, DateOnly payOn, TimeProvider time) =>
        status == PaymentStatus.Scheduled && PaymentCalendar.IsBeforeCutOff(payOn, time.GetUtcNow());

    public static string StatusText(PaymentStatus status) => status switch
    {
        PaymentStatus.Scheduled => "Scheduled",
        PaymentStatus.Processing => "Processing",
        PaymentStatus.Posted => "Posted",
        PaymentStatus.Canceled => "Canceled",
        PaymentStatus.Returned => "Returned",
        _ => status.ToString(),
    };
}
