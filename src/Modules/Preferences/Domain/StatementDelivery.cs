using BillCenter.Modules.Preferences.Contracts;

namespace BillCenter.Modules.Preferences.Domain;

/// <summary>
/// A card account's statement-delivery choice: paper, or paperless with the time and wording version of the consent
/// to electronic statements. One row per card account; no row means <see cref="Default"/>.
/// </summary>
internal sealed class StatementDelivery
{
    /// <summary>How statements go until the cardholder chooses: paperless, by email notice.</summary>
    public const StatementDeliveryMethod Default = StatementDeliveryMethod.Paperless;

    public const int MaxUserIdLength = 64;

    public Guid CardAccountId { get; set; }

    public StatementDeliveryMethod Method { get; set; }

    /// <summary>When the cardholder last saved this choice (UTC).</summary>
    public DateTime ChosenAt { get; set; }

    /// <summary>The online user who saved it.</summary>
    public string ChosenBy { get; set; } = string.Empty;

    /// <summary>For paperless: when the cardholder agreed to electronic statements (UTC); null for paper.</summary>
    public DateTime? ConsentedAt { get; set; }

    /// <summary>For paperless: the <see cref="PaperlessConsent.Version"/> of the wording agreed to; null for paper.</summary>
    public string? ConsentVersion { get; set; }
}
