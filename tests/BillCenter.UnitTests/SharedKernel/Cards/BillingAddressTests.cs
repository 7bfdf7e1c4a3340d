using BillCenter.SharedKernel.Cards;

namespace BillCenter.SharedKernel.Tests.Cards;

public class BillingAddressTests
{
    private static ZipCode Zip(string text)
    {
        Assert.True(ZipCode.TryParse(text, out var zip));
        return zip;
    }

    private static BillingAddress Address(string line1, string? line2 = null, string zip = "10001") =>
        new(line1, line2, "New York", "NY", Zip(zip));

    [Theory]
    [InlineData("12 Main St.", "12 MAIN ST")]
    [InlineData("12 MAIN STREET", "12 MAIN ST")]
    [InlineData("12 main street", "12 MAIN ST")]
    [InlineData("  12   Main\tStreet  ", "12 MAIN ST")]
    [InlineData("12 Main Str", "12 MAIN ST")]
    [InlineData("500 Fifth Avenue", "500 5TH AVE")]
    [InlineData("500 5th Ave.", "500 5TH AVE")]
    [InlineData("500 5th Av", "500 5TH AVE")]
    [InlineData("1 Park Ave, Apartment 4B", "1 PARK AVE APT 4B")]
    [InlineData("1 Park Ave., Apt. 4B", "1 PARK AVE APT 4B")]
    [InlineData("1 Park Ave #4B", "1 PARK AVE # 4B")]
    [InlineData("1 Park Ave No. 4B", "1 PARK AVE # 4B")]
    [InlineData("350 North Broadway", "350 N BROADWAY")]
    [InlineData("350 N. Broadway", "350 N BROADWAY")]
    [InlineData("10 Southwest Trail", "10 SW TRL")]
    [InlineData("77 Sunset Boulevard, Suite 200", "77 SUNSET BLVD STE 200")]
    [InlineData("O'Brien Lane", "O BRIEN LN")]
    public void Given_a_street_Then_it_normalises_case_spacing_punctuation_and_abbreviations(string street, string expected) =>
        Assert.Equal(expected, BillingAddress.NormalizeStreet(street));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ., ")]
    public void Given_no_street_Then_it_normalises_to_empty(string? street) =>
        Assert.Equal(string.Empty, BillingAddress.NormalizeStreet(street));

    [Fact]
    public void Given_two_lines_Then_NormalizedStreet_joins_them()
    {
        Assert.Equal("1 PARK AVE APT 4B", Address("1 Park Avenue", "Apartment 4B").NormalizedStreet);
        Assert.Equal("1 PARK AVE", Address("1 Park Avenue", "  ").NormalizedStreet);
    }

    [Theory]
    [InlineData("12 Main St.")]
    [InlineData("12 MAIN STREET")]
    [InlineData("12 main st")]
    [InlineData("12 Main Street, Apt 4")]
    [InlineData("12 Main St Apartment 4")]
    [InlineData("12 MAIN ST. APT. 4")]
    public void Given_line1_alone_or_line1_with_line2_Then_it_matches(string entered) =>
        Assert.True(Address("12 Main Street", "Apt 4").Matches(entered, Zip("10001")));

    [Fact]
    public void Given_a_zip_plus_four_with_the_same_first_five_digits_Then_it_matches() =>
        Assert.True(Address("12 Main Street", zip: "10001-1234").Matches("12 Main St", Zip("10001-9876")));

    [Fact]
    public void Given_a_different_zip_Then_it_does_not_match() =>
        Assert.False(Address("12 Main Street").Matches("12 Main Street", Zip("10002")));

    [Theory]
    [InlineData("14 Main Street")]
    [InlineData("12 Main Avenue")]
    [InlineData("12 South Main Street")]
    [InlineData("12 Main Street Apt 5")]
    [InlineData("Apt 4")]
    [InlineData("12")]
    [InlineData("")]
    [InlineData(null)]
    public void Given_a_different_street_Then_it_does_not_match(string? entered) =>
        Assert.False(Address("12 Main Street", "Apt 4").Matches(entered, Zip("10001")));
}
