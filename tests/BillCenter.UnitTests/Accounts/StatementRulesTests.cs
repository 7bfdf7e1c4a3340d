using BillCenter.Modules.Accounts.Domain;
using BillCenter.Modules.Accounts.Jobs;
using BillCenter.SharedKernel.Calendar;
using BillCenter.SharedKernel.Money;

namespace BillCenter.UnitTests.Accounts;

/// <summary>The rules of a statement: cycle dates, due dates, the minimum payment, interest and late fees, and how the run splits its work.</summary>
public sealed class StatementRulesTests
{
    private static Money Dollars(decimal amount) => Money.FromDecimal(amount);

    [Theory]
    [InlineData("2026-01-31", 28, "2026-02-28")] // from the last day of January to February's close
    [InlineData("2026-02-28", 28, "2026-02-28")] // February's own 28th
    [InlineData("2026-03-01", 28, "2026-03-28")]
    [InlineData("2028-02-29", 28, "2028-03-28")] // leap day: past the 28th, so next month
    [InlineData("2026-12-15", 10, "2027-01-10")] // across the year end
    [InlineData("2026-03-10", 10, "2026-03-10")] // the close day itself
    [InlineData("2026-03-01", 1, "2026-03-01")]
    public void Given_a_day_Then_the_next_cycle_close_is_on_the_cycle_day(string day, int cycleDay, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), StatementCycle.CloseOnOrAfter(DateOnly.Parse(day), cycleDay));
    }

    [Theory]
    [InlineData("2026-01-28", 28, "2026-02-28")]
    [InlineData("2026-02-28", 28, "2026-03-28")]
    [InlineData("2027-12-05", 5, "2028-01-05")]
    public void Given_a_close_Then_the_next_is_one_month_on_even_through_February(string close, int cycleDay, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), StatementCycle.NextClose(DateOnly.Parse(close), cycleDay));
    }

    [Fact]
    public void Given_a_cycle_Then_it_ends_only_once_its_last_day_is_over()
    {
        var close = new DateOnly(2026, 11, 10);

        Assert.False(StatementCycle.HasEnded(close, close));
        Assert.True(StatementCycle.HasEnded(close, close.AddDays(1)));
        Assert.Equal(new DateTime(2026, 11, 11, 0, 0, 0, DateTimeKind.Utc), StatementCycle.EndExclusive(close));
    }

    [Theory]
    [InlineData("2026-11-10", "2026-12-07")] // Dec 5 is a Saturday: moved to Monday the 7th
    [InlineData("2026-10-01", "2026-10-26")] // Oct 26 is a Monday
    [InlineData("2026-11-30", "2026-12-28")] // Dec 25 Christmas (Friday), 26–27 the weekend: Monday the 28th
    [InlineData("2026-12-07", "2027-01-04")] // Jan 1 is New Year's Day — Jan 1 2027 is a Friday, the 2nd and 3rd the weekend
    [InlineData("2026-06-24", "2026-07-20")] // Jul 19 is a Sunday
    [InlineData("2027-01-21", "2027-02-16")] // Feb 15 2027 is Presidents' Day (a Monday)
    public void Given_a_close_Then_payment_is_due_25_days_later_on_a_business_day(string close, string expected)
    {
        var due = StatementCycle.DueDate(DateOnly.Parse(close));

        Assert.True(BusinessDays.IsBusinessDay(due));
        Assert.True(due >= DateOnly.Parse(close).AddDays(StatementCycle.GraceDays));
        Assert.Equal(DateOnly.Parse(expected), due);
    }

    [Fact]
    public void Given_the_federal_reserve_calendar_Then_weekends_and_its_holidays_are_not_business_days()
    {
        Assert.False(BusinessDays.IsBusinessDay(new DateOnly(2026, 12, 25))); // Christmas
        Assert.False(BusinessDays.IsBusinessDay(new DateOnly(2026, 11, 26))); // Thanksgiving
        Assert.False(BusinessDays.IsBusinessDay(new DateOnly(2026, 12, 5))); // Saturday
        Assert.True(BusinessDays.IsBusinessDay(new DateOnly(2026, 12, 1))); // a Tuesday
        Assert.Equal(new DateOnly(2026, 11, 27), BusinessDays.After(new DateOnly(2026, 11, 25)));
    }

    [Theory]
    [InlineData(0, 0, 0)] // nothing owed
    [InlineData(-50, 0, 0)] // a credit balance owes nothing
    [InlineData(20, 0, 20)] // under $35: the whole balance
    [InlineData(35, 0, 35)]
    [InlineData(1000, 0, 35)] // 1 % is $10: the $35 floor
    [InlineData(5000, 0, 50)] // 1 % of $5,000
    [InlineData(5000, 60, 110)] // plus interest and fees
    [InlineData(40, 39, 39.40)]
    [InlineData(50, 60, 50)] // never more than the balance
    public void Given_a_balance_Then_the_minimum_is_the_greater_of_35_or_1_percent_plus_fees_and_interest_never_more_than_the_balance(
        decimal balance, decimal feesAndInterest, decimal expected)
    {
        Assert.Equal(Dollars(expected), Statement.MinimumPaymentFor(Dollars(balance), Dollars(feesAndInterest)));
    }

    [Fact]
    public void Given_a_previous_balance_paid_in_full_by_the_due_date_Then_no_interest_and_no_late_fee()
    {
        var previous = new Statement { ClosingBalance = Dollars(1200m), MinimumDue = Dollars(35m) };

        Assert.Equal(Money.Zero, FinanceCharges.Interest(previous, Dollars(1200m), 24.99m, 30));
        Assert.Equal(Money.Zero, FinanceCharges.LateFee(previous, Dollars(1200m)));
    }

    [Fact]
    public void Given_part_of_the_previous_balance_unpaid_Then_interest_is_the_daily_rate_on_the_unpaid_part_for_each_day_of_the_cycle()
    {
        var previous = new Statement { ClosingBalance = Dollars(1000m), MinimumDue = Dollars(35m) };

        // $900 unpaid × 24.99 % / 365 × 30 days = $18.4857… → $18.49
        Assert.Equal(Dollars(18.49m), FinanceCharges.Interest(previous, Dollars(100m), 24.99m, 30));
        Assert.Equal(Money.Zero, FinanceCharges.LateFee(previous, Dollars(100m))); // the minimum was paid
        Assert.Equal(Money.Zero, FinanceCharges.Interest(previous, Dollars(100m), 0m, 30)); // a charge account carries no APR
    }

    [Fact]
    public void Given_not_even_the_minimum_paid_Then_a_late_fee_of_35_never_more_than_that_minimum()
    {
        Assert.Equal(Dollars(35m), FinanceCharges.LateFee(new Statement { ClosingBalance = Dollars(1000m), MinimumDue = Dollars(35m) }, Dollars(10m)));
        Assert.Equal(Dollars(20m), FinanceCharges.LateFee(new Statement { ClosingBalance = Dollars(20m), MinimumDue = Dollars(20m) }, Money.Zero));
        Assert.Equal(Money.Zero, FinanceCharges.LateFee(null, Money.Zero)); // a first statement
    }

    [Fact]
    public void Given_a_first_statement_Then_no_interest()
    {
        Assert.Equal(Money.Zero, FinanceCharges.Interest(null, Money.Zero, 24.99m, 30));
    }

    [Fact]
    public void Given_an_account_the_run_never_saw_Then_its_first_cycle_is_after_its_last_statement_or_at_most_a_month_back()
    {
        var today = new DateOnly(2026, 12, 1);

        Assert.Equal(new DateOnly(2026, 11, 10), StatementCycle.FirstClose(10, null, new DateOnly(2020, 5, 3), today)); // years old: no years of empty statements
        Assert.Equal(new DateOnly(2026, 12, 10), StatementCycle.FirstClose(10, null, new DateOnly(2026, 11, 20), today)); // opened last month
        Assert.Equal(new DateOnly(2026, 9, 10), StatementCycle.FirstClose(10, new DateOnly(2026, 8, 10), new DateOnly(2020, 5, 3), today)); // resumes after its last
    }

    [Fact]
    public void Given_an_account_Then_its_statement_number_names_the_month_and_the_account()
    {
        var account = Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

        Assert.Equal("2611-2E3F4A5B", StatementCycle.Number(account, new DateOnly(2026, 11, 10)));
        Assert.InRange(StatementCycle.PartitionOf(account), 0, StatementCycle.Partitions - 1);
        Assert.Equal(StatementCycle.PartitionOf(account), StatementCycle.PartitionOf(Guid.Parse(account.ToString())));
    }

    [Fact]
    public void Given_due_accounts_by_partition_Then_chunks_are_contiguous_ranges_of_about_the_chunk_size_covering_every_partition_with_work()
    {
        var due = new List<StatementRun.PartitionCount> { new(3, 400), new(10, 700), new(11, 100), new(500, 900), new(1000, 50) };

        var chunks = StatementRun.Chunks(due, 1000);

        Assert.Equal([(0, 11), (11, 501), (501, 1024)], chunks);
        Assert.Equal([(0, 1024)], StatementRun.Chunks([new(7, 3)], 1000));
        Assert.Equal([(0, 1024)], StatementRun.Chunks([new(1023, 1000)], 1000));
        Assert.Empty(StatementRun.Chunks([], 1000));
        Assert.All(Enumerable.Range(0, StatementCycle.Partitions), p => Assert.Single(chunks, c => p >= c.From && p < c.To));
    }
}
