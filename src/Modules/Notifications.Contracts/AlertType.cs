namespace BillCenter.Modules.Notifications.Contracts;

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
