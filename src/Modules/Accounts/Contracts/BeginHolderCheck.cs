using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>
/// Begin a check of the cardholder made outside this module (a security answer in recovery). It counts toward the same
/// database-counted lockout as the card checks: the attempt is recorded before the check runs, so parallel guesses
/// cannot get past the limit. When <see cref="HolderCheck.MayCheck"/> is false the account's checks are locked: do not
/// check, and end it as <see cref="HolderCheckResult.NotChecked"/>. Always end what you begin with <see cref="EndHolderCheck"/>.
/// </summary>
public sealed record BeginHolderCheck(Guid CardAccountId) : IRequest<HolderCheck>;

/// <param name="AttemptId">The recorded attempt, to end.</param>
/// <param name="MayCheck">False when the card account's self-service checks are locked.</param>
public sealed record HolderCheck(long AttemptId, bool MayCheck);
