namespace BillCenter.Modules.Preferences.Domain;

/// <summary>A US state, the District of Columbia or a territory with US postal addresses, by its USPS code.</summary>
internal sealed record UsState(string Code, string Name)
{
    public static IReadOnlyList<UsState> All { get; } =
    [
        new("AL", "Alabama"), new("AK", "Alaska"), new("AZ", "Arizona"), new("AR", "Arkansas"), new("CA", "California"),
        new("CO", "Colorado"), new("CT", "Connecticut"), new("DE", "Delaware"), new("DC", "District of Columbia"), new("FL", "Florida"),
        new("GA", "Georgia"), new("HI", "Hawaii"), new("ID", "Idaho"), new("IL", "Illinois"), new("IN", "Indiana"),
        new("IA", "Iowa"), new("KS", "Kansas"), new("KY", "Kentucky"), new("LA", "Louisiana"), new("ME", "Maine"),
        new("MD", "Maryland"), new("MA", "Massachusetts"), new("MI", "Michigan"), new("MN", "Minnesota"), new("MS", "Mississippi"),
        new("MO", "Missouri"), new("MT", "Montana"), new("NE", "Nebraska"), new("NV", "Nevada"), new("NH", "New Hampshire"),
        new("NJ", "New Jersey"), new("NM", "New Mexico"), new("NY", "New York"), new("NC", "North Carolina"), new("ND", "North Dakota"),
        new("OH", "Ohio"), new("OK", "Oklahoma"), new("OR", "Oregon"), new("PA", "Pennsylvania"), new("RI", "Rhode Island"),
        new("SC", "South Carolina"), new("SD", "South Dakota"), new("TN", "Tennessee"), new("TX", "Texas"), new("UT", "Utah"),
        new("VT", "Vermont"), new("VA", "Virginia"), new("WA", "Washington"), new("WV", "West Virginia"), new("WI", "Wisconsin"),
        new("WY", "Wyoming"),
        new("AS", "American Samoa"), new("GU", "Guam"), new("MP", "Northern Mariana Islands"), new("PR", "Puerto Rico"), new("VI", "U.S. Virgin Islands"),
    ];

    public static UsState? Find(string? code) => All.FirstOrDefault(s => string.Equals(s.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}
