using BillCenter.Modules.Payments.Features.PostDuePayments;

namespace BillCenter.UnitTests.Payments;

/// <summary>Which payments the posting run takes: those dated on or before the last day whose 8 pm Eastern cut-off has passed.</summary>
public class PostingDayTests
{
    [Theory]
    [InlineData("2026-12-02T00:59:00Z", "2026-11-30")] // 7:59 pm EST on December 1: today's cut-off is still ahead
    [InlineData("2026-12-02T01:00:00Z", "2026-12-01")] // 8:00 pm EST
    [InlineData("2026-12-02T04:59:00Z", "2026-12-01")] // 11:59 pm EST, already December 2 in UTC
    [InlineData("2026-12-02T05:00:00Z", "2026-12-01")] // midnight Eastern: December 2's cut-off is ahead
    [InlineData("2026-07-01T23:59:00Z", "2026-06-30")] // 7:59 pm EDT
    [InlineData("2026-07-02T00:00:00Z", "2026-07-01")] // 8:00 pm EDT
    [InlineData("2026-12-05T15:00:00Z", "2026-12-04")] // a Saturday: Friday's
    [InlineData("2026-12-06T01:30:00Z", "2026-12-05")] // Saturday evening: the date, business day or not (nothing is scheduled on it)
    public void Given_an_instant_Then_the_last_cut_off_day_is_today_from_8_pm_Eastern_else_yesterday(string now, string expected) =>
        Assert.Equal(
            DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            DuePaymentPoster.LastCutOffDay(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
}
