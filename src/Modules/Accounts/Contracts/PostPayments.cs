using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>
/// Post payments to the ledger (each lowers its account's balance by its amount), idempotent by payment id: a payment
/// posted before is not posted again, whoever asks twice or at once. One transaction per call; the entries publish
/// <see cref="CardTransactionPosted"/> like any other.
/// </summary>
public sealed record PostPayments(IReadOnlyList<LedgerPayment> Payments) : IRequest<MediatR.Unit>;
