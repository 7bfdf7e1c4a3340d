using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>
/// Lock self-service checks (card ID, billing address) for every card of the account, as repeated failures do, with
/// the same security alert; for example after too many one-time codes. Idempotent.
/// </summary>
public sealed record LockCardSelfService(Guid CardAccountId, string Reason) : IRequest;
