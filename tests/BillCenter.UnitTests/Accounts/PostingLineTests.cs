using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Features.PostingFiles;
using BillCenter.SharedKernel.Money;

namespace BillCenter.UnitTests.Accounts;

/// <summary>The rules of one line of a posting file on their own (the whole file through the app: IntegrationTests PostingFileTests).</summary>
public class PostingLineTests
{
    private const string Card = "371234567890013"; // the demo Gold card: a valid number
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static PostingLineResult Read(
        string? card = Card, string? date = "2026-11-30", string? description = "Corner Grocery", string? category = "5411", string? amount = "12.34", string? reference = "REF-1") =>
        PostingLine.Read([card, date, description, category, amount, reference], Today);

    [Fact]
    public void Given_a_good_line_Then_every_value_is_read()
    {
        var result = Read(card: "3712 345678 90013", description: "  Corner Grocery  ");

        Assert.Null(result.Problem);
        var line = result.Line!;
        Assert.Equal("0013", line.CardNumber.Last4);
        Assert.Equal(new DateOnly(2026, 11, 30), line.PostedOn);
        Assert.Equal("Corner Grocery", line.Description);
        Assert.Equal("5411", line.MerchantCategory);
        Assert.Equal(Money.FromCents(1234), line.Amount);
        Assert.Equal("REF-1", line.Reference);
    }

    [Theory]
    [InlineData("12.34", TransactionKind.Purchase, 1234)]
    [InlineData("7", TransactionKind.Purchase, 700)]
    [InlineData("0.5", TransactionKind.Purchase, 50)]
    [InlineData("-12.34", TransactionKind.Credit, -1234)]
    [InlineData("100000.00", TransactionKind.Purchase, 10_000_000)]
    [InlineData("-100000", TransactionKind.Credit, -10_000_000)]
    public void Given_an_amount_Then_its_sign_says_purchase_or_credit(string amount, TransactionKind kind, long cents)
    {
        var line = Read(amount: amount).Line!;

        Assert.Equal(Money.FromCents(cents), line.Amount);
        Assert.Equal(kind, PostingLine.KindOf(line.Amount));
    }

    [Theory]
    [InlineData(null, "the card number is missing")]
    [InlineData("", "the card number is missing")]
    [InlineData("371234567890012", "the card number is not a valid card number")] // fails the Luhn check
    [InlineData("4111111111111111", "the card number is not a valid card number")]
    [InlineData("3712x345678900", "the card number is not a valid card number")]
    public void Given_a_bad_card_number_Then_the_problem_never_repeats_the_number(string? card, string problem)
    {
        var result = Read(card: card);

        Assert.Null(result.Line);
        Assert.Equal(problem, result.Problem);
    }

    [Theory]
    [InlineData("", "the posted date is missing")]
    [InlineData("11/30/2026", "the posted date must be a date written as year-month-day, like 2026-11-30")]
    [InlineData("2026-02-30", "the posted date must be a date written as year-month-day, like 2026-11-30")]
    [InlineData("2026-12-02", "the posted date is in the future")]
    [InlineData("", "the description is missing", "description")]
    [InlineData("   ", "the description is missing", "description")]
    [InlineData("Corner\u0007Grocery", "the description must not contain control characters", "description")]
    [InlineData("541", "the merchant category must be 4 digits, or left empty", "category")]
    [InlineData("54111", "the merchant category must be 4 digits, or left empty", "category")]
    [InlineData("ab12", "the merchant category must be 4 digits, or left empty", "category")]
    [InlineData("", "the amount must be dollars and cents like 12.34, or -12.34 for a credit", "amount")]
    [InlineData("$12.34", "the amount must be dollars and cents like 12.34, or -12.34 for a credit", "amount")]
    [InlineData("1,234.00", "the amount must be dollars and cents like 12.34, or -12.34 for a credit", "amount")]
    [InlineData("12.345", "the amount must be dollars and cents like 12.34, or -12.34 for a credit", "amount")]
    [InlineData("12.", "the amount must be dollars and cents like 12.34, or -12.34 for a credit", "amount")]
    [InlineData("+12", "the amount must be dollars and cents like 12.34, or -12.34 for a credit", "amount")]
    [InlineData("1e3", "the amount must be dollars and cents like 12.34, or -12.34 for a credit", "amount")]
    [InlineData("0.00", "the amount must not be zero", "amount")]
    [InlineData("-0", "the amount must not be zero", "amount")]
    [InlineData("100000.01", "the amount must be between -$100,000.00 and $100,000.00", "amount")]
    [InlineData("-100000.01", "the amount must be between -$100,000.00 and $100,000.00", "amount")]
    [InlineData("", "the reference is missing", "reference")]
    [InlineData("12345678901234567890123456789012345678901", "the reference must be 40 characters or fewer", "reference")]
    public void Given_a_bad_value_Then_the_line_is_refused_with_the_reason(string value, string problem, string field = "date")
    {
        var result = field switch
        {
            "description" => Read(description: value),
            "category" => Read(category: value),
            "amount" => Read(amount: value),
            "reference" => Read(reference: value),
            _ => Read(date: value),
        };

        Assert.Null(result.Line);
        Assert.Equal(problem, result.Problem);
    }

    [Fact]
    public void Given_the_longest_values_and_no_merchant_category_Then_the_line_is_good()
    {
        var line = Read(description: new string('d', PostingLine.MaxDescriptionLength), category: "", reference: new string('r', PostingLine.MaxReferenceLength), date: "2026-12-01").Line;

        Assert.NotNull(line);
        Assert.Null(line.MerchantCategory);
    }

    [Fact]
    public void Given_a_line_with_too_few_or_too_many_values_Then_it_is_refused()
    {
        Assert.Equal("the line has 5 values; the header has 6", PostingLine.Read([Card, "2026-11-30", "Shop", "5411", "1.00"], Today).Problem);
        Assert.Equal("the line has 7 values; the header has 6", PostingLine.Read([Card, "2026-11-30", "Shop", "5411", "1.00", "R", "extra"], Today).Problem);
    }

    [Fact]
    public void Given_a_posted_date_Then_the_ledger_time_is_noon_UTC_of_that_date()
    {
        var postedAt = PostingLine.PostedAtOf(new DateOnly(2026, 11, 30));

        Assert.Equal(new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc), postedAt);
        Assert.Equal(DateTimeKind.Utc, postedAt.Kind);
    }

    [Fact]
    public void Given_the_columns_Then_the_header_is_the_documented_one()
    {
        Assert.Equal("card_number,posted_date,description,merchant_category,amount,reference", string.Join(',', PostingLine.Columns));
    }
}
