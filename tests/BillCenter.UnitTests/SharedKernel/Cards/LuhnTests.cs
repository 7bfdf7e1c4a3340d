using BillCenter.SharedKernel.Cards;
using CsCheck;

namespace BillCenter.SharedKernel.Tests.Cards;

public class LuhnTests
{
    [Theory]
    [InlineData("79927398713")]
    [InlineData("4111111111111111")]
    [InlineData("378282246310005")]
    [InlineData("371449635398431")]
    [InlineData("5555555555554444")]
    [InlineData("00")]
    [InlineData("18")]
    public void Given_a_known_valid_sequence_Then_it_passes(string digits) => Assert.True(Luhn.IsValid(digits));

    [Theory]
    [InlineData("79927398710")]
    [InlineData("79927398711")]
    [InlineData("4111111111111112")]
    [InlineData("378282246310006")]
    [InlineData("19")]
    public void Given_a_known_invalid_sequence_Then_it_fails(string digits) => Assert.False(Luhn.IsValid(digits));

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("7992739871a")]
    [InlineData("7992-7398-713")]
    public void Given_fewer_than_two_digits_or_a_non_digit_Then_it_fails(string digits) => Assert.False(Luhn.IsValid(digits));

    [Theory]
    [InlineData("7992739871", '3')]
    [InlineData("411111111111111", '1')]
    [InlineData("37828224631000", '5')]
    [InlineData("37144963539843", '1')]
    [InlineData("1", '8')]
    [InlineData("0", '0')]
    public void Given_a_known_payload_Then_CheckDigit_is_the_published_one(string payload, char expected) =>
        Assert.Equal(expected, Luhn.CheckDigit(payload));

    [Fact]
    public void Given_any_payload_Then_payload_plus_its_check_digit_is_valid_and_every_other_digit_is_not() =>
        Gen.Char['0', '9'].Array[1, 30].Sample(chars =>
        {
            var payload = new string(chars);
            var check = Luhn.CheckDigit(payload);

            Assert.InRange(check, '0', '9');
            Assert.True(Luhn.IsValid(payload + check));
            for (var other = '0'; other <= '9'; other++)
            {
                if (other != check)
                {
                    Assert.False(Luhn.IsValid(payload + other), $"{payload}{other} passes although the check digit is {check}");
                }
            }
        });
}
