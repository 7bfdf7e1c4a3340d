using System.Globalization;

namespace BillCenter.Modules.Accounts.Features.AccountActivity;

/// <summary>How a billing period reads on the pages, the CSV file name and the PDF.</summary>
internal static class StatementPeriod
{
    /// <summary>"Oct 16 – Nov 15, 2026"; "Dec 16, 2025 – Jan 15, 2026" across a new year.</summary>
    public static string Describe(DateOnly start, DateOnly end) =>
        start.Year == end.Year
            ? $"{start.ToString("MMM d", CultureInfo.InvariantCulture)} – {end.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}"
            : $"{start.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)} – {end.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}";
}
