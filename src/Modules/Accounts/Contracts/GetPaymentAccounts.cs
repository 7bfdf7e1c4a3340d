using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>
/// What paying needs of each card account: its name, current balance and last statement with what has been paid since
/// it closed. <see cref="GetPaymentAccounts"/> answers for the accounts linked to an online user (optionally one of them;
/// another user's account is simply absent); <see cref="GetPaymentAccountsById"/> for jobs that already know the ids.
/// </summary>
public sealed record GetPaymentAccounts(string UserId, Guid? CardAccountId = null) : IRequest<IReadOnlyList<PaymentAccount>>;
