using System.Globalization;
using BillCenter.SharedKernel.Calendar;

namespace BillCenter.Modules.Accounts.Domain;

/// <summary>
/// The billing cycle calendar of an account: a cycle closes on the account's cycle day (1–28, so every month has it),
/// its entries are those posted up to the end of that day (UTC), and payment is due 25 days later, moved to the next
/// business day when that is a weekend or a Federal Reserve holiday.
/// </summary>
internal static class StatementCycle
{
    public const int GraceDays = 25;

    /// <summary>The close on or after <paramref name="day"/>.</summary>
    public static DateOnly CloseOnOrAfter(DateOnly day, int cycleDay)
    {
        var close = new DateOnly(day.Year, day.Month, cycleDay);
        return close >= day ? close : close.AddMonths(1);
    }

    /// <summary>The close one month after <paramref name="close"/> (cycle days are at most 28, so no month is short of it).</summary>
    public static DateOnly NextClose(DateOnly close, int cycleDay) => new DateOnly(close.Year, close.Month, cycleDay).AddMonths(1);

    /// <summary>A cycle can close once its last day is over.</summary>
    public static bool HasEnded(DateOnly close, DateOnly today) => close < today;

    /// <summary>
    /// The first cycle the statement run closes for an account it has not seen: the one after its last statement, or —
    /// for an account with none — the one in progress a month ago or since the account opened, whichever is later (an
    /// account with years of history before statements existed does not get years of empty statements).
    /// </summary>
    public static DateOnly FirstClose(int cycleDay, DateOnly? lastStatementEnd, DateOnly openedOn, DateOnly today)
    {
        if (lastStatementEnd is { } last)
        {
            return CloseOnOrAfter(last.AddDays(1), cycleDay);
        }

        var monthAgo = today.AddMonths(-1);
        return CloseOnOrAfter(openedOn > monthAgo ? openedOn : monthAgo, cycleDay);
    }

    public const int Partitions = 1024;

    /// <summary>A stable spread of accounts over <see cref="Partitions"/> partitions, from the random end of the id.</summary>
    public static int PartitionOf(Guid cardAccountId)
    {
        Span<byte> bytes = stackalloc byte[16];
        cardAccountId.TryWriteBytes(bytes);
        return ((bytes[14] << 8) | bytes[15]) % Partitions;
    }

    public static DateOnly DueDate(DateOnly close) => BusinessDays.OnOrAfter(close.AddDays(GraceDays));

    /// <summary>Entries posted before this instant (UTC) belong to the cycle closing on <paramref name="close"/>.</summary>
    public static DateTime EndExclusive(DateOnly close) => close.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>What a cardholder quotes on the phone: the closing year and month, then 8 hex digits of the account id, e.g. "2611-3F9A2C1B".</summary>
    public static string Number(Guid cardAccountId, DateOnly close) =>
        string.Create(CultureInfo.InvariantCulture, $"{close:yyMM}-{cardAccountId.ToString("N")[^8..].ToUpperInvariant()}");
}
