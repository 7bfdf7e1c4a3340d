namespace BillCenter.Testing;

/// <summary>
/// Unique markers of 32 letters. A GUID's hex digits now and then hold a run of 12 or more decimal digits, which reads
/// as a card number: refused in user IDs, and cut to its last four wherever typed text is kept (the security event log).
/// </summary>
public static class TestMarkers
{
    public static string New() =>
        string.Concat(Guid.NewGuid().ToString("N").Select(c => char.IsAsciiDigit(c) ? (char)('g' + (c - '0')) : c));
}
