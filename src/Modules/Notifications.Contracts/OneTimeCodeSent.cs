namespace BillCenter.Modules.Notifications.Contracts;

/// <summary>How a send or resend went: the code to verify against and where it went, or the problem to show.</summary>
public sealed record OneTimeCodeSent(bool Sent, Guid? CodeId, string? MaskedDestination, string? Problem);
