namespace BillCenter.Modules.Notifications.Domain;

/// <summary>Notifications:OneTimeCodes settings.</summary>
internal sealed class OneTimeCodeOptions
{
    public const string Section = "Notifications:OneTimeCodes";

    /// <summary>How long used and expired codes are kept before the daily purge deletes them.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(1);
}
