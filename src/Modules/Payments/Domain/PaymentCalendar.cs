using BillCenter.SharedKernel.Calendar;

namespace BillCenter.Modules.Payments.Domain;

/// <summary>
/// When money can be taken: business days (weekends and Federal Reserve holidays excluded), up to
/// <see cref="MaxDaysAhead"/> days ahead, and today only before the 8 pm US Eastern cut-off. The same cut-off ends
/// changes to a payment and is when the posting job runs.
/// </summary>
internal static class PaymentCalendar
{
    public const int MaxDaysAhead = 60;

    public static readonly TimeOnly CutOff = new(20, 0);

    /// <summary>US Eastern, daylight saving included (IANA "America/New_York").</summary>
    public static TimeZoneInfo Eastern { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Eastern).DateTime);

    /// <summary>The instant of the cut-off on <paramref name="day"/>.</summary>
    public static DateTimeOffset CutOffOn(DateOnly day)
    {
        var local = day.ToDateTime(CutOff);
        return new DateTimeOffset(local, Eastern.GetUtcOffset(local));
    }

    /// <summary>The first day a payment made now can be taken: today before the cut-off on a business day, else the next business day.</summary>
    public static DateOnly EarliestPayDate(DateTimeOffset now)
    {
        var today = Today(now);
        return BusinessDays.IsBusinessDay(today) && now < CutOffOn(today) ? today : BusinessDays.After(today);
    }

    public static DateOnly LatestPayDate(DateTimeOffset now) => Today(now).AddDays(MaxDaysAhead);

    /// <summary>Why <paramref name="day"/> cannot be a payment date now, or null when it can.</summary>
    public static string? Refusal(DateOnly day, DateTimeOffset now)
    {
        var earliest = EarliestPayDate(now);
        if (day < Today(now))
        {
            return "Payment date must be today or in the future";
        }

        if (day < earliest)
        {
            return $"Payment date must be {Long(earliest)} or later: today's cut-off of 8 pm Eastern has passed";
        }

        if (day > LatestPayDate(now))
        {
            return $"Payment date must be within {MaxDaysAhead} days, on or before {Long(LatestPayDate(now))}";
        }

        return BusinessDays.IsBusinessDay(day)
            ? null
            : $"Payment date must be a business day: {Long(day)} is a weekend or bank holiday. The next business day is {Long(BusinessDays.After(day))}";
    }

    /// <summary>Whether a payment dated <paramref name="payOn"/> can still be changed or canceled.</summary>
    public static bool IsBeforeCutOff(DateOnly payOn, DateTimeOffset now) => now < CutOffOn(payOn);

    /// <summary>The business day on or before <paramref name="day"/> (an AutoPay date never moves past the due date).</summary>
    public static DateOnly OnOrBefore(DateOnly day)
    {
        while (!BusinessDays.IsBusinessDay(day))
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    public static string Long(DateOnly day) => day.ToString("dddd, MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
