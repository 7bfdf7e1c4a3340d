using MediatR;

namespace BillCenter.SharedKernel.Messaging;

/// <summary>
/// Something that happened in one module that others react to. Written to the publishing module's outbox in the
/// same SaveChanges as the state change, then published (at least once) by that module's outbox job; handlers
/// must be idempotent by <see cref="EventId"/>.
/// </summary>
public interface IIntegrationEvent : INotification
{
    Guid EventId { get; }

    DateTime OccurredAt { get; }
}

/// <summary>The kinds of alert a cardholder can receive (DESIGN P2). Security alerts cannot be turned off.</summary>
public enum AlertType
{
    Security = 1,
    PaymentDueReminder = 2,
    PaymentReceived = 3,
    StatementReady = 4,
    PurchaseOverAmount = 5,
    BalanceOverAmount = 6,
    CardActivated = 7,
    Welcome = 8,
}

/// <summary>
/// Ask the Notifications module to alert a cardholder (by card account, or by online user). Parameters are
/// template values such as "Last4" — never a full card number, card ID, password or code.
/// </summary>
public sealed record AlertRequested(
    Guid EventId,
    DateTime OccurredAt,
    AlertType Type,
    string Template,
    Guid? CardAccountId,
    string? UserId,
    IReadOnlyDictionary<string, string> Parameters) : IIntegrationEvent;
