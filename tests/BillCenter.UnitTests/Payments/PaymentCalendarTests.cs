using BillCenter.Modules.Payments.Domain;

namespace BillCenter.UnitTests.Payments;

/// <summary>The 8 pm US Eastern cut-off whatever the season, business days, and why a payment date is refused.</summary>
public class PaymentCalendarTests
{
    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0, int year = 2026) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static DateOnly Day(int month, int day, int year = 2026) => new(year, month, day);

    [Theory]
    [InlineData("2026-07-01", "2026-07-02T00:00:00Z")] // summer: EDT, UTC-4
    [InlineData("2026-12-01", "2026-12-02T01:00:00Z")] // winter: EST, UTC-5
    [InlineData("2026-03-07", "2026-03-08T01:00:00Z")] // the Saturday before clocks go forward
    [InlineData("2026-03-08", "2026-03-09T00:00:00Z")] // the Sunday they go forward (2 am): the evening is EDT
    [InlineData("2026-03-09", "2026-03-10T00:00:00Z")]
    [InlineData("2026-10-31", "2026-11-01T00:00:00Z")] // the Saturday before clocks go back
    [InlineData("2026-11-01", "2026-11-02T01:00:00Z")] // the Sunday they go back (2 am): the evening is EST
    [InlineData("2026-11-02", "2026-11-03T01:00:00Z")]
    public void Given_a_day_Then_its_cut_off_is_8_pm_Eastern_in_that_day_s_offset(string day, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PaymentCalendar.CutOffOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Given_an_instant_late_in_the_UTC_day_Then_today_is_the_Eastern_date()
    {
        Assert.Equal(Day(12, 1), PaymentCalendar.Today(Utc(12, 2, 4, 59))); // 11:59 pm EST
        Assert.Equal(Day(12, 2), PaymentCalendar.Today(Utc(12, 2, 5, 0)));
        Assert.Equal(Day(7, 1), PaymentCalendar.Today(Utc(7, 2, 3, 59))); // 11:59 pm EDT
        Assert.Equal(Day(7, 2), PaymentCalendar.Today(Utc(7, 2, 4, 0)));
    }

    [Fact]
    public void Given_a_business_day_Then_the_earliest_pay_date_is_today_until_the_cut_off_and_the_next_business_day_from_it()
    {
        // Tuesday December 1, 2026 (EST)
        Assert.Equal(Day(12, 1), PaymentCalendar.EarliestPayDate(Utc(12, 1, 14)));
        Assert.Equal(Day(12, 1), PaymentCalendar.EarliestPayDate(Utc(12, 2, 0, 59))); // 7:59 pm Eastern, already December 2 in UTC
        Assert.Equal(Day(12, 2), PaymentCalendar.EarliestPayDate(Utc(12, 2, 1, 0))); // 8:00 pm Eastern: the cut-off itself
        Assert.Equal(Day(12, 2), PaymentCalendar.EarliestPayDate(Utc(12, 2, 4, 30)));
        // Wednesday July 1, 2026 (EDT): the cut-off is an hour earlier in UTC
        Assert.Equal(Day(7, 1), PaymentCalendar.EarliestPayDate(Utc(7, 1, 23, 59)));
        Assert.Equal(Day(7, 2), PaymentCalendar.EarliestPayDate(Utc(7, 2, 0, 0)));
    }

    [Fact]
    public void Given_the_cut_off_on_the_days_clocks_change_Then_it_follows_the_new_offset()
    {
        // Monday March 9, 2026, the first weekday on EDT: 7:30 pm Eastern is 23:30 UTC, 8:00 pm is 00:00 UTC
        Assert.Equal(Day(3, 9), PaymentCalendar.EarliestPayDate(Utc(3, 9, 23, 30)));
        Assert.Equal(Day(3, 10), PaymentCalendar.EarliestPayDate(Utc(3, 10, 0, 0)));
        // Friday March 6, still EST: 7:30 pm Eastern is 00:30 UTC, 8:30 pm is 01:30 UTC
        Assert.Equal(Day(3, 6), PaymentCalendar.EarliestPayDate(Utc(3, 7, 0, 30)));
        Assert.Equal(Day(3, 9), PaymentCalendar.EarliestPayDate(Utc(3, 7, 1, 30)));
        // Monday November 2, 2026, the first weekday back on EST: 8:30 pm EDT would have been 00:30 UTC; it is 7:30 pm EST
        Assert.Equal(Day(11, 2), PaymentCalendar.EarliestPayDate(Utc(11, 3, 0, 30)));
        Assert.Equal(Day(11, 3), PaymentCalendar.EarliestPayDate(Utc(11, 3, 1, 0)));
    }

    [Fact]
    public void Given_a_Friday_after_the_cut_off_or_a_weekend_Then_the_earliest_pay_date_is_Monday()
    {
        Assert.Equal(Day(12, 4), PaymentCalendar.EarliestPayDate(Utc(12, 4, 20))); // Friday 3 pm Eastern
        Assert.Equal(Day(12, 7), PaymentCalendar.EarliestPayDate(Utc(12, 5, 1, 30))); // Friday 8:30 pm Eastern
        Assert.Equal(Day(12, 7), PaymentCalendar.EarliestPayDate(Utc(12, 5, 15))); // Saturday morning
        Assert.Equal(Day(12, 7), PaymentCalendar.EarliestPayDate(Utc(12, 6, 15))); // Sunday
    }

    [Fact]
    public void Given_the_day_before_a_Federal_Reserve_holiday_after_the_cut_off_Then_the_earliest_pay_date_skips_the_holiday_and_the_weekend()
    {
        // Thursday December 24, 2026; Friday 25 is Christmas Day, then the weekend
        Assert.Equal(Day(12, 24), PaymentCalendar.EarliestPayDate(Utc(12, 24, 18)));
        Assert.Equal(Day(12, 28), PaymentCalendar.EarliestPayDate(Utc(12, 25, 2)));
        Assert.Equal(Day(12, 28), PaymentCalendar.EarliestPayDate(Utc(12, 25, 15))); // on the holiday itself
        // Wednesday November 25, 2026 after the cut-off: Thanksgiving Thursday, then Friday is a business day
        Assert.Equal(Day(11, 27), PaymentCalendar.EarliestPayDate(Utc(11, 26, 2)));
    }

    [Fact]
    public void Given_payment_dates_Then_each_refusal_says_why_and_what_would_do()
    {
        var noon = Utc(12, 1, 17); // Tuesday December 1, 2026, noon Eastern
        var evening = Utc(12, 2, 2); // the same day, 9 pm Eastern

        Assert.Equal("Payment date must be today or in the future", PaymentCalendar.Refusal(Day(11, 30), noon));
        Assert.Equal("Payment date must be today or in the future", PaymentCalendar.Refusal(Day(11, 30), evening));
        Assert.Equal(
            "Payment date must be Wednesday, December 2, 2026 or later: today's cut-off of 8 pm Eastern has passed",
            PaymentCalendar.Refusal(Day(12, 1), evening));
        Assert.Equal(
            "Payment date must be within 60 days, on or before Saturday, January 30, 2027",
            PaymentCalendar.Refusal(Day(2, 1, 2027), noon));
        Assert.Equal(
            "Payment date must be a business day: Friday, December 25, 2026 is a weekend or bank holiday. The next business day is Monday, December 28, 2026",
            PaymentCalendar.Refusal(Day(12, 25), noon));
        Assert.Equal(
            "Payment date must be a business day: Saturday, December 5, 2026 is a weekend or bank holiday. The next business day is Monday, December 7, 2026",
            PaymentCalendar.Refusal(Day(12, 5), noon));
    }

    [Fact]
    public void Given_good_payment_dates_Then_no_refusal()
    {
        var noon = Utc(12, 1, 17);

        Assert.Null(PaymentCalendar.Refusal(Day(12, 1), noon)); // today, before the cut-off
        Assert.Null(PaymentCalendar.Refusal(Day(12, 2), Utc(12, 2, 2))); // tomorrow, after today's cut-off
        Assert.Null(PaymentCalendar.Refusal(Day(1, 29, 2027), noon)); // the last business day within 60 days
    }

    [Fact]
    public void Given_a_non_business_day_Then_on_or_before_moves_back_to_the_last_business_day()
    {
        Assert.Equal(Day(12, 4), PaymentCalendar.OnOrBefore(Day(12, 6))); // Sunday → Friday
        Assert.Equal(Day(12, 24), PaymentCalendar.OnOrBefore(Day(12, 27))); // weekend and Christmas → Thursday
        Assert.Equal(Day(12, 8), PaymentCalendar.OnOrBefore(Day(12, 8)));
    }
}
