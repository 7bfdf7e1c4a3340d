using BillCenter.SharedKernel.Cards;
using BillCenter.SharedKernel.Money;
using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>Post an entry to the ledger and move the balance (purchases positive, payments/credits negative).</summary>
public sealed record PostCardTransaction(Guid CardAccountId, Guid? CardId, DateTime PostedAt, string Description, TransactionKind Kind, Money Amount)
    : IRequest<Guid>;
