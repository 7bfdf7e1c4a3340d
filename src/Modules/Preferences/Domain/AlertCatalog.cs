using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Preferences.Contracts;

namespace BillCenter.Modules.Preferences.Domain;

/// <summary>What a cardholder sets for an alert type besides the channels.</summary>
internal enum AlertExtra
{
    None,

    /// <summary>A dollar amount the alert fires above.</summary>
    Amount,

    /// <summary>How many days before the due date (1–10).</summary>
    DaysBefore,
}

/// <summary>An alert type a cardholder can set, its words and its default.</summary>
internal sealed record AlertKind(AlertType Type, string Name, string Description, AlertExtra Extra, AlertChoice Default);

/// <summary>
/// The alerts a cardholder sets per card account, in the order the alerts page shows them, and their defaults:
/// the service messages a cardholder expects go by email; the amount alerts are off until an amount is set. Security
/// alerts are not here: they always go to every contact on file.
/// </summary>
internal static class AlertCatalog
{
    public const int MinDaysBefore = 1;

    public const int MaxDaysBefore = 10;

    public const int DefaultDaysBefore = 3;

    public static IReadOnlyList<AlertKind> Kinds { get; } =
    [
        new(AlertType.PaymentDueReminder, "Payment due reminder", "A reminder of the minimum payment and due date, a few days before it is due.",
            AlertExtra.DaysBefore, new(AlertType.PaymentDueReminder, true, false, null, DefaultDaysBefore)),
        new(AlertType.PaymentReceived, "Payment received", "When a payment reaches your account.",
            AlertExtra.None, new(AlertType.PaymentReceived, true, false, null, null)),
        new(AlertType.StatementReady, "Statement ready", "When a new statement is ready to view.",
            AlertExtra.None, new(AlertType.StatementReady, true, false, null, null)),
        new(AlertType.PurchaseOverAmount, "Purchase over an amount", "When a purchase is over the amount you set.",
            AlertExtra.Amount, new(AlertType.PurchaseOverAmount, false, false, null, null)),
        new(AlertType.BalanceOverAmount, "Balance over an amount", "When your balance goes over the amount you set.",
            AlertExtra.Amount, new(AlertType.BalanceOverAmount, false, false, null, null)),
        new(AlertType.CardActivated, "Card activated", "When a card on this account is activated.",
            AlertExtra.None, new(AlertType.CardActivated, true, false, null, null)),
    ];

    public static AlertKind? Find(AlertType type) => Kinds.FirstOrDefault(k => k.Type == type);

    /// <summary>An account's choices: its saved rows, and the default for every type without one.</summary>
    public static AlertChoices ChoicesFrom(IEnumerable<AlertSetting> rows)
    {
        var saved = rows.ToDictionary(r => r.Type);
        return new AlertChoices([.. Kinds.Select(k => saved.TryGetValue(k.Type, out var row)
            ? new AlertChoice(k.Type, row.ByEmail, row.ByText, row.ThresholdCents, row.DaysBefore)
            : k.Default)]);
    }
}
