using MediatR;

namespace BillCenter.Modules.Notifications.Contracts;

/// <summary>Send a fresh code for the same purpose and destination (limited; the previous code stops working).</summary>
public sealed record ResendOneTimeCode(Guid CodeId) : IRequest<OneTimeCodeSent>;
