using BillCenter.Modules.Payments.Domain;

namespace BillCenter.UnitTests.Payments;

/// <summary>The ABA checksum: 9 digits whose weighted sum (3, 7, 1 repeating) is a multiple of 10.</summary>
public class RoutingNumberTests
{
    [Theory]
    [InlineData("011000015")]
    [InlineData("021000021")]
    [InlineData("999999992")] // the demo routing number whose payments the bank returns
    [InlineData("000000000")]
    public void Given_nine_digits_with_a_good_checksum_Then_valid(string digits) =>
        Assert.True(RoutingNumber.HasValidChecksum(digits));

    [Theory]
    [InlineData("011000016")] // last digit off by one
    [InlineData("021000012")] // two digits swapped
    [InlineData("999999999")]
    public void Given_nine_digits_with_a_bad_checksum_Then_invalid(string digits) =>
        Assert.False(RoutingNumber.HasValidChecksum(digits));

    [Theory]
    [InlineData("01100001")] // 8 digits
    [InlineData("0110000150")] // 10 digits
    [InlineData("01100001A")]
    [InlineData("0110 0015")]
    [InlineData("٠١١٠٠٠٠١٥")] // digits, but not ASCII ones
    [InlineData("")]
    [InlineData(null)]
    public void Given_anything_but_nine_ascii_digits_Then_invalid(string? digits) =>
        Assert.False(RoutingNumber.HasValidChecksum(digits));
}
