using BillCenter.SharedKernel.Cards;

namespace BillCenter.SharedKernel.Tests.Cards;

public class ZipCodeTests
{
    [Theory]
    [InlineData("10001", "10001", null, "10001")]
    [InlineData(" 10001 ", "10001", null, "10001")]
    [InlineData("10001-1234", "10001", "1234", "10001-1234")]
    [InlineData("100011234", "10001", "1234", "10001-1234")]
    [InlineData("10001 - 1234", "10001", "1234", "10001-1234")]
    [InlineData("00501", "00501", null, "00501")]
    public void Given_five_digits_or_zip_plus_four_with_or_without_a_hyphen_Then_it_parses(string input, string zip5, string? plus4, string shown)
    {
        Assert.True(ZipCode.TryParse(input, out var zip));
        Assert.Equal(zip5, zip.Zip5);
        Assert.Equal(plus4, zip.Plus4);
        Assert.Equal(shown, zip.ToString());
        Assert.Null(ZipCode.Validate(input));
    }

    [Theory]
    [InlineData("1000")]
    [InlineData("100011")]
    [InlineData("10001-123")]
    [InlineData("10001-12345")]
    [InlineData("1000-11234")]
    [InlineData("10001--1234")]
    [InlineData("1000a")]
    [InlineData("ABCDE")]
    [InlineData("10001_1234")]
    [InlineData("١٠٠٠١")]
    public void Given_anything_else_Then_it_is_refused_with_an_example(string input)
    {
        Assert.False(ZipCode.TryParse(input, out var zip));
        Assert.Null(zip);
        Assert.Equal("Enter a ZIP code like 10001 or 10001-1234", ZipCode.Validate(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Given_nothing_Then_Validate_asks_for_the_zip_code(string? input)
    {
        Assert.False(ZipCode.TryParse(input, out _));
        Assert.Equal("Enter the ZIP code", ZipCode.Validate(input));
    }

    [Theory]
    [InlineData("10001", "10001", true)]
    [InlineData("10001", "10001-1234", true)]
    [InlineData("10001-9999", "10001-1234", true)]
    [InlineData("100019999", "10001", true)]
    [InlineData("10001", "10002", false)]
    [InlineData("10001-1234", "10002-1234", false)]
    public void Given_two_zip_codes_Then_they_match_exactly_when_the_first_five_digits_do(string a, string b, bool expected)
    {
        Assert.True(ZipCode.TryParse(a, out var first));
        Assert.True(ZipCode.TryParse(b, out var second));

        Assert.Equal(expected, first.Matches(second));
        Assert.Equal(expected, second.Matches(first));
    }

    [Fact]
    public void Given_the_same_zip_typed_with_and_without_a_hyphen_Then_the_values_are_equal()
    {
        Assert.True(ZipCode.TryParse("10001-1234", out var hyphen));
        Assert.True(ZipCode.TryParse("100011234", out var plain));

        Assert.Equal(hyphen, plain);
    }
}
