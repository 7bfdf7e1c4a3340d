using MediatR;

namespace BillCenter.Modules.Notifications.Contracts;

/// <summary>
/// Spend a verified code's verification on the one thing it allows (creating an account, setting a password):
/// true for exactly one caller, false for any other, so a journey cookie replayed after completion is refused.
/// </summary>
public sealed record RedeemVerifiedCode(Guid CodeId, Guid CardAccountId, string Purpose) : IRequest<bool>;
