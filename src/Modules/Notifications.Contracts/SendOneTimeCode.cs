using MediatR;

namespace BillCenter.Modules.Notifications.Contracts;

/// <summary>Send a new 6-digit code for <paramref name="Purpose"/> to the account's email or mobile on file.</summary>
public sealed record SendOneTimeCode(string Purpose, Guid CardAccountId, NotificationChannel Channel) : IRequest<OneTimeCodeSent>;
