using BillCenter.Modules.Payments.Domain;
using BillCenter.SharedKernel.Money;

namespace BillCenter.UnitTests.Payments;

/// <summary>What AutoPay takes of a $500.00 statement with a $35.00 minimum, and on which day.</summary>
public class AutoPayAmountTests
{
    private static Money Dollars(decimal amount) => Money.FromDecimal(amount);

    private static Money? For(AutoPayRule rule, decimal paid, decimal fixedAmount = 0m, decimal balance = 500m, decimal minimum = 35m) =>
        AutoPayAmount.For(rule, Dollars(fixedAmount), Dollars(balance), Dollars(minimum), Dollars(paid));

    [Fact]
    public void Given_nothing_paid_Then_each_rule_takes_its_amount()
    {
        Assert.Equal(Dollars(35m), For(AutoPayRule.MinimumDue, paid: 0m));
        Assert.Equal(Dollars(500m), For(AutoPayRule.StatementBalance, paid: 0m));
        Assert.Equal(Dollars(120m), For(AutoPayRule.FixedAmount, paid: 0m, fixedAmount: 120m));
    }

    [Fact]
    public void Given_a_fixed_amount_above_what_is_left_Then_it_is_capped_at_the_remaining_balance()
    {
        Assert.Equal(Dollars(500m), For(AutoPayRule.FixedAmount, paid: 0m, fixedAmount: 800m));
        Assert.Equal(Dollars(50m), For(AutoPayRule.FixedAmount, paid: 450m, fixedAmount: 800m));
        Assert.Equal(Dollars(120m), For(AutoPayRule.FixedAmount, paid: 100m, fixedAmount: 120m));
    }

    [Fact]
    public void Given_part_paid_Then_the_minimum_and_the_statement_balance_take_only_what_is_left()
    {
        Assert.Equal(Dollars(15m), For(AutoPayRule.MinimumDue, paid: 20m));
        Assert.Null(For(AutoPayRule.MinimumDue, paid: 35m)); // the minimum is covered
        Assert.Null(For(AutoPayRule.MinimumDue, paid: 40m));
        Assert.Equal(Dollars(400m), For(AutoPayRule.StatementBalance, paid: 100m));
    }

    [Theory]
    [InlineData(1)] // AutoPayRule.MinimumDue (the enum is internal to the module)
    [InlineData(2)] // StatementBalance
    [InlineData(3)] // FixedAmount
    public void Given_paid_in_full_or_nothing_owed_Then_nothing(int ruleValue)
    {
        var rule = (AutoPayRule)ruleValue;
        Assert.True(Enum.IsDefined(rule));
        Assert.Null(For(rule, paid: 500m, fixedAmount: 100m));
        Assert.Null(For(rule, paid: 650m, fixedAmount: 100m));
        Assert.Null(For(rule, paid: 0m, fixedAmount: 100m, balance: 0m, minimum: 0m));
        Assert.Null(For(rule, paid: 0m, fixedAmount: 100m, balance: -20m, minimum: 0m)); // a credit balance
    }

    [Fact]
    public void Given_a_due_date_and_days_before_Then_the_pay_date_is_that_many_days_earlier_on_a_business_day()
    {
        var earliest = new DateOnly(2026, 12, 1);
        var monday = new DateOnly(2026, 12, 7);

        Assert.Equal(monday, AutoPayAmount.PayOn(monday, 0, earliest));
        Assert.Equal(new DateOnly(2026, 12, 4), AutoPayAmount.PayOn(monday, 2, earliest)); // Saturday → Friday, never later
        Assert.Equal(new DateOnly(2026, 12, 4), AutoPayAmount.PayOn(monday, 1, earliest)); // Sunday → Friday
        Assert.Equal(new DateOnly(2026, 12, 3), AutoPayAmount.PayOn(monday, 4, earliest));
        Assert.Equal(new DateOnly(2026, 12, 24), AutoPayAmount.PayOn(new DateOnly(2026, 12, 28), 3, earliest)); // Christmas Day → Thursday
    }

    [Fact]
    public void Given_a_day_before_the_earliest_pay_date_Then_the_earliest_pay_date()
    {
        var monday = new DateOnly(2026, 12, 7);

        Assert.Equal(new DateOnly(2026, 12, 3), AutoPayAmount.PayOn(monday, 10, new DateOnly(2026, 12, 3)));
        Assert.Equal(new DateOnly(2026, 12, 7), AutoPayAmount.PayOn(monday, 2, new DateOnly(2026, 12, 7))); // the Friday has passed
    }
}
