using MediatR;

namespace BillCenter.Modules.Notifications.Contracts;

/// <summary>
/// Check a code a cardholder typed, for the card account the journey verified: a code sent for another card account
/// is never valid. Single use: a valid code is consumed.
/// </summary>
public sealed record VerifyOneTimeCode(Guid CodeId, Guid CardAccountId, string Purpose, string Code) : IRequest<CodeCheckResult>;
