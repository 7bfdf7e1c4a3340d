using BillCenter.SharedKernel.Cards;
using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>
/// The billing address and nickname of the open card accounts linked to <paramref name="UserId"/>, oldest first; with
/// <paramref name="CardAccountId"/>, only that account (an empty list when it is not linked to that user).
/// </summary>
public sealed record GetAccountDetails(string UserId, Guid? CardAccountId = null) : IRequest<IReadOnlyList<AccountDetails>>;

/// <param name="Last4">The last four digits of the card to tell the account by: an active card before one awaiting activation, the primary card first.</param>
public sealed record AccountDetails(Guid CardAccountId, string ProductName, string Last4, string? Nickname, BillingAddress BillingAddress);
