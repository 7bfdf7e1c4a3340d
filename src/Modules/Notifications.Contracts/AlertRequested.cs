using BillCenter.SharedKernel.Messaging;

namespace BillCenter.Modules.Notifications.Contracts;

/// <summary>
/// Ask the Notifications module to alert a cardholder (by card account, or by online user), published through the
/// asking module's outbox in the same SaveChanges as its state change. Parameters are template values such as
/// "Last4" — never a full card number, card ID, password or code.
/// </summary>
public sealed record AlertRequested(
    Guid EventId,
    DateTime OccurredAt,
    AlertType Type,
    string Template,
    Guid? CardAccountId,
    string? UserId,
    IReadOnlyDictionary<string, string> Parameters) : IIntegrationEvent;
