using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>What paying needs of each of these card accounts (see <see cref="GetPaymentAccounts"/>), for jobs that already know the ids.</summary>
public sealed record GetPaymentAccountsById(IReadOnlyCollection<Guid> CardAccountIds) : IRequest<IReadOnlyList<PaymentAccount>>;
