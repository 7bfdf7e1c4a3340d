using BillCenter.SharedKernel.Cards;
using BillCenter.SharedKernel.Money;
using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>Open a card account with its cards (issuer back office, demo data and tests).</summary>
/// <param name="MobileVerified">The cardholder already proved the mobile number is theirs (e.g. at the branch): alerts may be texted there.</param>
public sealed record OpenCardAccount(
    Product Product,
    string HolderName,
    Money CreditLimit,
    int BillingCycleDay,
    BillingAddress BillingAddress,
    string? Email,
    string? MobilePhone,
    IReadOnlyList<NewCard> Cards,
    DateTime OpenedAt,
    bool MobileVerified = false) : IRequest<OpenedCardAccount>;

public sealed record OpenedCardAccount(Guid CardAccountId, IReadOnlyList<Guid> CardIds);
