namespace BillCenter.Modules.Preferences.Domain;

/// <summary>
/// The consent to electronic statements a cardholder agrees to when choosing paperless, shown on the page as is. Its
/// <see cref="Version"/> is saved with each consent: change the wording, change the version.
/// </summary>
internal static class PaperlessConsent
{
    public const string Version = "2026-12-01";

    /// <summary>How long statements stay online to view and print.</summary>
    public const int MonthsOnline = 24;

    public const string Agreement = "I agree to get the statements of this card account online instead of on paper, as described above.";

    public static IReadOnlyList<string> Wording { get; } =
    [
        "Online statements replace the paper statements we mail you. When a statement is ready, we email you a notice with the amount due and the due date only; you sign in here to see the whole statement.",
        $"Each statement stays online for {MonthsOnline} months. You can view and print it whenever you like.",
        "You can go back to paper at any time, free of charge: choose \"Paper by mail\" on this page or call the number on the back of your card. It applies from your next statement. You can also ask us for a free paper copy of any statement.",
        "To get online statements you need an email address on file with us and a web browser that can open this site. If your email address changes, update it so the notices reach you.",
        "This choice is for this card account only.",
    ];
}
