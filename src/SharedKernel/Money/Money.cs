using System.Globalization;

namespace BillCenter.SharedKernel.Money;

/// <summary>An amount of US dollars, always rounded to cents. Stored as whole cents.</summary>
public readonly record struct Money : IComparable<Money>
{
    private Money(long cents) => Cents = cents;

    public static Money Zero => default;

    public string Currency => "USD";

    public long Cents { get; }

    public decimal Amount => Cents / 100m;

    public bool IsNegative => Cents < 0;

    public static Money FromCents(long cents) => new(cents);

    /// <summary>Rounds half away from zero, as a bank statement does.</summary>
    public static Money FromDecimal(decimal amount) =>
        new(checked((long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero)));

    /// <summary>Parses what a cardholder types: "1,234.56", "$20", "20.5". More than two decimals is refused.</summary>
    public static bool TryParse(string? input, out Money money)
    {
        money = Zero;
        var text = (input ?? string.Empty).Trim().TrimStart('$').Replace(",", string.Empty, StringComparison.Ordinal);
        if (text.Length == 0 || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        if (decimal.Round(value, 2) != value || Math.Abs(value) > 1_000_000_000m)
        {
            return false;
        }

        money = FromDecimal(value);
        return true;
    }

    public static Money operator +(Money a, Money b) => new(checked(a.Cents + b.Cents));

    public static Money operator -(Money a, Money b) => new(checked(a.Cents - b.Cents));

    public static Money operator -(Money a) => new(checked(-a.Cents));

    public static bool operator <(Money a, Money b) => a.Cents < b.Cents;

    public static bool operator >(Money a, Money b) => a.Cents > b.Cents;

    public static bool operator <=(Money a, Money b) => a.Cents <= b.Cents;

    public static bool operator >=(Money a, Money b) => a.Cents >= b.Cents;

    public static Money Max(Money a, Money b) => a.Cents >= b.Cents ? a : b;

    public static Money Min(Money a, Money b) => a.Cents <= b.Cents ? a : b;

    /// <summary>A percentage of this amount, rounded to cents.</summary>
    public Money Percent(decimal percent) => FromDecimal(Amount * percent / 100m);

    public int CompareTo(Money other) => Cents.CompareTo(other.Cents);

    /// <summary>"$1,234.56"; a negative amount (a credit) shows as "-$12.00".</summary>
    public override string ToString() =>
        (IsNegative ? "-$" : "$") + Math.Abs(Amount).ToString("N2", CultureInfo.InvariantCulture);
}
