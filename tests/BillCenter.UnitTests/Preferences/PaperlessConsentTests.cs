using System.Security.Cryptography;
using System.Text;
using BillCenter.Modules.Preferences.Domain;

namespace BillCenter.UnitTests.Preferences;

/// <summary>Each saved consent names the wording's version, so the wording cannot change without a new version.</summary>
public class PaperlessConsentTests
{
    /// <summary>The wording of version 2026-12-01, as a SHA-256 of its paragraphs and the agreement, one per line.</summary>
    private const string WordingOf20261201 = "a6e5776893ad467b58c192ee8a9de1febefedb5bcde7f731d154eeecd68dcccc";

    [Fact]
    public void Given_the_consent_wording_Then_it_is_the_wording_its_version_names()
    {
        var text = string.Join('\n', [.. PaperlessConsent.Wording, PaperlessConsent.Agreement]);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

        // Changed the wording? Give it a new Version (consents already saved keep naming the old one) and pin the new hash here.
        Assert.Equal("2026-12-01", PaperlessConsent.Version);
        Assert.Equal(WordingOf20261201, hash);
    }

    [Fact]
    public void Given_the_consent_wording_Then_it_says_what_online_statements_mean_how_to_get_paper_again_free_and_how_long_they_stay_online()
    {
        var text = string.Join(' ', PaperlessConsent.Wording);

        Assert.Contains("Online statements replace the paper statements we mail you", text, StringComparison.Ordinal);
        Assert.Contains("back to paper at any time, free of charge", text, StringComparison.Ordinal);
        Assert.Contains($"stays online for {PaperlessConsent.MonthsOnline} months", text, StringComparison.Ordinal);
    }
}
