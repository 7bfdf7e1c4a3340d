using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>
/// Reverse payments the bank returned (each raises the balance back by its amount, as a payment entry of opposite sign),
/// idempotent by payment id like <see cref="PostPayments"/>.
/// </summary>
public sealed record ReturnPayments(IReadOnlyList<LedgerPayment> Payments) : IRequest<MediatR.Unit>;
