using BillCenter.SharedKernel.Money;
using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>
/// Post payments to the ledger (each lowers its account's balance by its amount), idempotent by payment id: a payment
/// posted before is not posted again, whoever asks twice or at once. One transaction per call; the entries publish
/// <see cref="CardTransactionPosted"/> like any other.
/// </summary>
public sealed record PostPayments(IReadOnlyList<LedgerPayment> Payments) : IRequest<MediatR.Unit>;

/// <param name="PaymentId">The paying module's id: the ledger's reference, so each payment posts once.</param>
/// <param name="Amount">What was paid, positive.</param>
/// <param name="Description">What the activity page shows, e.g. "Online payment, thank you".</param>
public sealed record LedgerPayment(Guid PaymentId, Guid CardAccountId, Money Amount, DateTime PostedAt, string Description);
