using BillCenter.Modules.Notifications.Contracts;

namespace BillCenter.Modules.Preferences.Domain;

/// <summary>
/// One alert type's choice for one card account: by email, by text, both or off, with its threshold or number of days
/// where the type has one. One row per account and type; no row means the type's default in <see cref="AlertCatalog"/>.
/// </summary>
internal sealed class AlertSetting
{
    public Guid CardAccountId { get; set; }

    public AlertType Type { get; set; }

    public bool ByEmail { get; set; }

    public bool ByText { get; set; }

    /// <summary>"Purchase over" and "balance over": the amount in cents the alert fires above.</summary>
    public long? ThresholdCents { get; set; }

    /// <summary>Payment due reminder: days before the due date (1–10).</summary>
    public int? DaysBefore { get; set; }

    /// <summary>When the cardholder last saved the alerts of this account (UTC).</summary>
    public DateTime ChosenAt { get; set; }

    /// <summary>The online user who saved them.</summary>
    public string ChosenBy { get; set; } = string.Empty;
}
