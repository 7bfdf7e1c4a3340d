using PublicHoliday;

namespace BillCenter.SharedKernel.Calendar;

/// <summary>
/// Banking days: Monday to Friday except the Federal Reserve's holidays (the PublicHoliday package's calendar, which
/// knows the Fed's own rules, e.g. a Saturday holiday is not moved to the Friday). Due dates and payment dates fall on them.
/// </summary>
public static class BusinessDays
{
    private static readonly USAFederalReserveHoliday FederalReserve = new();

    public static bool IsBusinessDay(DateOnly day) => FederalReserve.IsWorkingDay(day.ToDateTime(TimeOnly.MinValue));

    /// <summary><paramref name="day"/> itself when it is a business day, otherwise the next one.</summary>
    public static DateOnly OnOrAfter(DateOnly day)
    {
        while (!IsBusinessDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>The first business day after <paramref name="day"/>.</summary>
    public static DateOnly After(DateOnly day) => OnOrAfter(day.AddDays(1));
}
