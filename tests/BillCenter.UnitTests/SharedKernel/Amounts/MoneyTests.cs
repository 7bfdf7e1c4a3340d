using CsCheck;

namespace BillCenter.SharedKernel.Tests.Amounts;

// Inside BillCenter.SharedKernel.* the simple name Money binds to the namespace, so alias the type here.
using Money = BillCenter.SharedKernel.Money.Money;

public class MoneyTests
{
    [Theory]
    [InlineData("0.005", 1)]
    [InlineData("0.004", 0)]
    [InlineData("0.015", 2)]
    [InlineData("0.025", 3)]
    [InlineData("-0.005", -1)]
    [InlineData("-0.025", -3)]
    [InlineData("1.235", 124)]
    [InlineData("1.2349", 123)]
    [InlineData("19.99", 1999)]
    public void Given_a_decimal_Then_FromDecimal_rounds_half_away_from_zero(string amount, long cents) =>
        Assert.Equal(cents, Money.FromDecimal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)).Cents);

    [Fact]
    public void Given_any_cents_Then_they_round_trip_through_Amount_and_FromDecimal() =>
        Gen.Long[-100_000_000_000L, 100_000_000_000L].Sample(cents =>
        {
            var money = Money.FromCents(cents);
            Assert.Equal(cents, money.Cents);
            Assert.Equal(money, Money.FromDecimal(money.Amount));
            Assert.Equal(cents / 100m, money.Amount);
        });

    [Fact]
    public void Given_any_cents_Then_ToString_parses_back_to_the_same_amount() =>
        Gen.Long[-100_000_000_000L, 100_000_000_000L].Sample(cents =>
        {
            var money = Money.FromCents(cents);
            var text = money.ToString();
            var unsigned = text.StartsWith('-') ? text[1..] : text;

            Assert.True(Money.TryParse(unsigned, out var parsed), $"{text} did not parse");
            Assert.Equal(Math.Abs(cents), parsed.Cents);
        });

    [Theory]
    [InlineData("1,234.56", 123456)]
    [InlineData("$20", 2000)]
    [InlineData("$1,234.56", 123456)]
    [InlineData("20.5", 2050)]
    [InlineData(" 20.50 ", 2050)]
    [InlineData("0", 0)]
    [InlineData(".99", 99)]
    [InlineData("1000000000", 100_000_000_000)]
    public void Given_what_a_cardholder_types_Then_it_parses(string input, long cents)
    {
        Assert.True(Money.TryParse(input, out var money));
        Assert.Equal(cents, money.Cents);
    }

    [Theory]
    [InlineData("1.234")]
    [InlineData("0.001")]
    [InlineData("$20.505")]
    public void Given_more_than_two_decimals_Then_it_is_refused(string input)
    {
        Assert.False(Money.TryParse(input, out var money));
        Assert.Equal(Money.Zero, money);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("$")]
    [InlineData("twenty")]
    [InlineData("20 dollars")]
    [InlineData("USD 20")]
    [InlineData("1e3")]
    [InlineData("12.3.4")]
    [InlineData("1000000000.01")]
    public void Given_text_that_is_not_an_amount_Then_it_is_refused(string? input)
    {
        Assert.False(Money.TryParse(input, out var money));
        Assert.Equal(Money.Zero, money);
    }

    [Fact]
    public void Given_two_amounts_Then_arithmetic_and_comparison_work_in_cents()
    {
        var a = Money.FromCents(1050);
        var b = Money.FromCents(275);

        Assert.Equal(1325, (a + b).Cents);
        Assert.Equal(775, (a - b).Cents);
        Assert.Equal(-775, (b - a).Cents);
        Assert.Equal(-1050, (-a).Cents);
        Assert.True((b - a).IsNegative);
        Assert.False(a.IsNegative);
        Assert.True(a > b);
        Assert.True(b < a);
        Assert.True(a >= Money.FromCents(1050));
        Assert.True(b <= Money.FromCents(275));
        Assert.Equal(a, Money.Max(a, b));
        Assert.Equal(b, Money.Min(a, b));
        Assert.True(a.CompareTo(b) > 0);
        Assert.Equal(0, a.CompareTo(Money.FromCents(1050)));
        Assert.Equal("USD", a.Currency);
        Assert.Equal(0, Money.Zero.Cents);
    }

    [Fact]
    public void Given_any_amounts_Then_addition_and_subtraction_are_inverse() =>
        Gen.Select(Gen.Long[-1_000_000_000_000L, 1_000_000_000_000L], Gen.Long[-1_000_000_000_000L, 1_000_000_000_000L])
            .Sample((x, y) =>
            {
                var a = Money.FromCents(x);
                var b = Money.FromCents(y);
                Assert.Equal(a, a + b - b);
                Assert.Equal(a + b, b + a);
                Assert.Equal(Money.Zero, a + -a);
            });

    [Fact]
    public void Given_an_addition_that_overflows_Then_it_throws_rather_than_wraps() =>
        Assert.Throws<OverflowException>(() => Money.FromCents(long.MaxValue) + Money.FromCents(1));

    [Theory]
    [InlineData(123456, "$1,234.56")]
    [InlineData(-1200, "-$12.00")]
    [InlineData(0, "$0.00")]
    [InlineData(5, "$0.05")]
    [InlineData(-5, "-$0.05")]
    [InlineData(100_000_000_00, "$100,000,000.00")]
    public void Given_an_amount_Then_ToString_shows_dollars_with_thousands_separators(long cents, string expected) =>
        Assert.Equal(expected, Money.FromCents(cents).ToString());

    [Theory]
    [InlineData(10000, "1.5", 150)]
    [InlineData(1999, "10", 200)]
    [InlineData(1000, "0.05", 1)]
    [InlineData(1000, "0.049", 0)]
    [InlineData(-1000, "0.05", -1)]
    [InlineData(123456, "100", 123456)]
    [InlineData(123456, "0", 0)]
    public void Given_a_percentage_Then_Percent_rounds_to_cents_half_away_from_zero(long cents, string percent, long expected) =>
        Assert.Equal(expected, Money.FromCents(cents).Percent(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture)).Cents);
}
