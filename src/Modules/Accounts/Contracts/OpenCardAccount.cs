using BillCenter.SharedKernel.Cards;
using BillCenter.SharedKernel.Money;
using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>Open a card account with its cards (issuer back office, demo data and tests).</summary>
public sealed record OpenCardAccount(
    Product Product,
    string HolderName,
    Money CreditLimit,
    int BillingCycleDay,
    BillingAddress BillingAddress,
    string? Email,
    string? MobilePhone,
    IReadOnlyList<NewCard> Cards,
    DateTime OpenedAt) : IRequest<OpenedCardAccount>;

public sealed record OpenedCardAccount(Guid CardAccountId, IReadOnlyList<Guid> CardIds);
