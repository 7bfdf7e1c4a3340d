using BillCenter.SharedKernel.Money;
using MediatR;

namespace BillCenter.Modules.Payments.Contracts;

/// <summary>What an online user has arranged to pay: payments not yet posted, and the card accounts on AutoPay.</summary>
public sealed record GetPaymentPlans(string UserId) : IRequest<PaymentPlans>;

public sealed record PaymentPlans(IReadOnlyList<UpcomingPayment> Upcoming, IReadOnlyCollection<Guid> AutoPayAccounts);

/// <summary>A payment that is scheduled or being processed.</summary>
public sealed record UpcomingPayment(Guid PaymentId, Guid CardAccountId, DateOnly PayOn, Money Amount, bool IsProcessing, bool FromAutoPay, string ConfirmationNumber);
