using BillCenter.SharedKernel.Cards;
using BillCenter.SharedKernel.Money;
using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>
/// Post an entry to the ledger and move the balance (purchases positive, payments/credits negative). With a
/// <paramref name="Reference"/> (the processor's, from a posting file) posting is idempotent: an entry already posted
/// under that reference is not posted again and its id is returned.
/// </summary>
public sealed record PostCardTransaction(
    Guid CardAccountId, Guid? CardId, DateTime PostedAt, string Description, TransactionKind Kind, Money Amount, string? Reference = null, string? MerchantCategory = null)
    : IRequest<Guid>;
