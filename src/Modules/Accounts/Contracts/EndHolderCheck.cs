using MediatR;

namespace BillCenter.Modules.Accounts.Contracts;

/// <summary>
/// End a check begun with <see cref="BeginHolderCheck"/>. A failure that reaches the limit locks the card account's
/// self-service checks for 24 hours and alerts the cardholder, as failed card checks do. Returns true when the account's
/// checks are locked now (by this failure or before it).
/// </summary>
public sealed record EndHolderCheck(Guid CardAccountId, long AttemptId, HolderCheckResult Result) : IRequest<bool>;

public enum HolderCheckResult
{
    Passed = 1,
    Failed = 2,

    /// <summary>Not checked because the account was locked: counted as a refusal, not as a failure.</summary>
    NotChecked = 3,
}
