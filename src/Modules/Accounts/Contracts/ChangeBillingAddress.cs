using BillCenter.SharedKernel.Cards;
using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>
/// Replace the billing address of a card account linked to <paramref name="UserId"/>: from then on it is the address
/// <see cref="VerifyBillingAddress"/> checks in enrollment and recovery. A security alert to the contacts on file (which an
/// address change never touches) is committed with the change through the outbox, and a security event is recorded.
/// <see cref="AccountDetailsOutcome.NotFound"/> when the account does not exist, is closed, or is not linked to that user: nothing changes.
/// </summary>
public sealed record ChangeBillingAddress(Guid CardAccountId, string UserId, BillingAddress NewAddress) : IRequest<AccountDetailsOutcome>;
