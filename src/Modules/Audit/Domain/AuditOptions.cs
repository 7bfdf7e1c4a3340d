namespace BillCenter.Modules.Audit.Domain;

/// <summary>Settings of the security event log (section "Audit").</summary>
internal sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>PCI DSS 10.5.1 asks for a year of audit history; a little more covers a year and its audit.</summary>
    public const int DefaultRetentionDays = 400;

    /// <summary>Events older than this many days are deleted by the daily purge.</summary>
    public int RetentionDays { get; set; } = DefaultRetentionDays;
}
