using MediatR;

namespace BillCenter.Modules.Notifications.Contracts;

/// <summary>Check a code a cardholder typed. Single use: a valid code is consumed.</summary>
public sealed record VerifyOneTimeCode(Guid CodeId, string Purpose, string Code) : IRequest<CodeCheckResult>;
