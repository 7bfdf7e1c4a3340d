using System.Text;

namespace BillCenter.SharedKernel.Cards;

/// <summary>A US billing address, with the street normalised so "12 Main St." matches "12 MAIN STREET".</summary>
public sealed record BillingAddress(string Line1, string? Line2, string City, string State, ZipCode Zip)
{
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["STREET"] = "ST", ["STR"] = "ST", ["AVENUE"] = "AVE", ["AV"] = "AVE", ["AVEN"] = "AVE",
        ["ROAD"] = "RD", ["BOULEVARD"] = "BLVD", ["BOUL"] = "BLVD", ["DRIVE"] = "DR", ["DRV"] = "DR",
        ["LANE"] = "LN", ["COURT"] = "CT", ["PLACE"] = "PL", ["TERRACE"] = "TER", ["PARKWAY"] = "PKWY",
        ["HIGHWAY"] = "HWY", ["CIRCLE"] = "CIR", ["SQUARE"] = "SQ", ["TRAIL"] = "TRL", ["WAY"] = "WAY",
        ["SUITE"] = "STE", ["APARTMENT"] = "APT", ["BUILDING"] = "BLDG", ["FLOOR"] = "FL", ["ROOM"] = "RM",
        ["UNIT"] = "UNIT", ["NUMBER"] = "#", ["NO"] = "#",
        ["NORTH"] = "N", ["SOUTH"] = "S", ["EAST"] = "E", ["WEST"] = "W",
        ["NORTHEAST"] = "NE", ["NORTHWEST"] = "NW", ["SOUTHEAST"] = "SE", ["SOUTHWEST"] = "SW",
        ["FIRST"] = "1ST", ["SECOND"] = "2ND", ["THIRD"] = "3RD", ["FOURTH"] = "4TH", ["FIFTH"] = "5TH",
    };

    /// <summary>The street lines in a canonical form for comparison only (never shown).</summary>
    public string NormalizedStreet => NormalizeStreet(string.IsNullOrWhiteSpace(Line2) ? Line1 : $"{Line1} {Line2}");

    public static string NormalizeStreet(string? street)
    {
        if (string.IsNullOrWhiteSpace(street))
        {
            return string.Empty;
        }

        var cleaned = new StringBuilder(street.Length);
        foreach (var c in street.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                cleaned.Append(char.ToUpperInvariant(c));
            }
            else if (c == '#')
            {
                cleaned.Append(" # ");
            }
            else
            {
                // Spaces, punctuation ("St.", "Apt, 4") and other separators all become one space.
                cleaned.Append(' ');
            }
        }

        var words = cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Abbreviations.TryGetValue(w, out var abbreviation) ? abbreviation : w);
        return string.Join(' ', words);
    }

    /// <summary>True when the ZIP's first five digits match and the street matches line 1, or lines 1 and 2 together.</summary>
    public bool Matches(string? street, ZipCode zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        var entered = NormalizeStreet(street);
        return Zip.Matches(zip) && entered.Length > 0 &&
               (string.Equals(entered, NormalizedStreet, StringComparison.Ordinal) ||
                string.Equals(entered, NormalizeStreet(Line1), StringComparison.Ordinal));
    }
}
