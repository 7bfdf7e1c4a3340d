using BillCenter.SharedKernel.Cards;
using CsCheck;

namespace BillCenter.SharedKernel.Tests.Cards;

public class CardNumberTests
{
    // Published American Express test numbers.
    private const string Valid37 = "378282246310005";
    private const string Valid34 = "371449635398431";

    [Theory]
    [InlineData("378282246310005")]
    [InlineData("3782 822463 10005")]
    [InlineData("3782-822463-10005")]
    [InlineData(" 3782 - 822463 - 10005 ")]
    [InlineData("371449635398431")]
    [InlineData("340000000000009")]
    public void Given_a_valid_number_with_or_without_spaces_and_hyphens_Then_it_parses(string input)
    {
        var result = CardNumber.Parse(input);

        Assert.True(result.IsValid);
        Assert.Equal(CardNumberError.None, result.Error);
        Assert.Equal(string.Empty, result.Message);
        Assert.NotNull(result.Value);
    }

    [Fact]
    public void Given_the_same_number_typed_two_ways_Then_both_parse_to_equal_card_numbers()
    {
        var plain = CardGen.Parse(Valid37);
        var grouped = CardGen.Parse("3782 8224-6310 005");

        Assert.Equal(plain, grouped);
        Assert.Equal(plain.GetHashCode(), grouped.GetHashCode());
        Assert.NotEqual(plain, CardGen.Parse(Valid34));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Given_nothing_Then_it_is_missing(string? input)
    {
        var result = CardNumber.Parse(input);

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal(CardNumberError.Missing, result.Error);
        Assert.Equal("Enter your card number", result.Message);
    }

    [Theory]
    [InlineData("3782.822463.10005")]
    [InlineData("3782822463l0005")]
    [InlineData("378282246310005x")]
    [InlineData("3782_822463_10005")]
    [InlineData("٣٧٨٢٨٢٢٤٦٣١٠٠٠٥")]
    public void Given_characters_other_than_digits_spaces_and_hyphens_Then_it_is_refused_as_not_digits(string input)
    {
        var result = CardNumber.Parse(input);

        Assert.Equal(CardNumberError.NotDigits, result.Error);
        Assert.Equal("Card number must only include numbers, spaces and hyphens", result.Message);
    }

    [Theory]
    [InlineData("37828224631000")]
    [InlineData("3782822463100050")]
    [InlineData("4111111111111111")]
    [InlineData("34")]
    [InlineData("- -")]
    public void Given_other_than_15_digits_Then_it_is_refused_as_the_wrong_length(string input)
    {
        var result = CardNumber.Parse(input);

        Assert.Equal(CardNumberError.WrongLength, result.Error);
        Assert.Equal("Enter a 15-digit card number", result.Message);
    }

    [Theory]
    [InlineData("35")]
    [InlineData("30")]
    [InlineData("41")]
    [InlineData("73")]
    [InlineData("43")]
    public void Given_15_digits_passing_Luhn_but_not_starting_34_or_37_Then_it_is_not_valid(string prefix)
    {
        var payload = prefix + "000000000000";
        var number = payload + Luhn.CheckDigit(payload);
        Assert.True(Luhn.IsValid(number));

        var result = CardNumber.Parse(number);

        Assert.Equal(CardNumberError.NotValid, result.Error);
        Assert.Equal("The card number is not valid", result.Message);
    }

    [Theory]
    [InlineData("378282246310006")]
    [InlineData("371449635398430")]
    [InlineData("378282246310050")]
    public void Given_a_number_that_fails_Luhn_Then_it_is_not_valid(string input)
    {
        var result = CardNumber.Parse(input);

        Assert.Equal(CardNumberError.NotValid, result.Error);
        Assert.Equal("The card number is not valid", result.Message);
    }

    [Fact]
    public void Given_any_14_digit_payload_starting_34_or_37_with_its_check_digit_Then_it_parses() =>
        CardGen.Payload.Sample(payload =>
        {
            var result = CardNumber.Parse(payload + Luhn.CheckDigit(payload));
            Assert.True(result.IsValid, $"{payload} + check digit gave {result.Error}");
        });

    [Fact]
    public void Given_a_valid_number_When_any_single_digit_is_changed_Then_it_no_longer_parses() =>
        Gen.Select(CardGen.ValidDigits, Gen.Int[0, CardNumber.Length - 1], Gen.Int[1, 9])
            .Sample((digits, position, shift) =>
            {
                var changed = digits.ToCharArray();
                changed[position] = (char)('0' + ((changed[position] - '0' + shift) % 10));

                var result = CardNumber.Parse(new string(changed));

                Assert.False(result.IsValid, $"{digits} with digit {position} changed to {changed[position]} still parses");
                Assert.Equal(CardNumberError.NotValid, result.Error);
            });

    [Fact]
    public void Given_any_valid_number_Then_ToString_and_Masked_never_show_the_full_number() =>
        CardGen.ValidDigits.Sample(digits =>
        {
            var card = CardGen.Parse(digits);

            Assert.DoesNotContain(digits, card.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(digits, card.Masked, StringComparison.Ordinal);
            Assert.DoesNotContain(digits[..11], card.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(digits[..11], card.Masked, StringComparison.Ordinal);
            Assert.Equal($"card ending {digits[^4..]}", card.ToString());
        });

    [Fact]
    public void Given_a_valid_number_Then_Last4_and_Masked_show_only_the_last_four_digits()
    {
        var card = CardGen.Parse("3782 822463 10005");

        Assert.Equal("0005", card.Last4);
        Assert.Equal("ending 0005", card.Masked);
        Assert.Equal("card ending 0005", card.ToString());
    }

    [Fact]
    public void Given_TryParse_Then_it_agrees_with_Parse()
    {
        Assert.True(CardNumber.TryParse(Valid37, out var card));
        Assert.Equal("0005", card.Last4);

        Assert.False(CardNumber.TryParse("378282246310006", out var invalid));
        Assert.Null(invalid);
    }

    [Theory]
    [InlineData("378282246310005", true)]
    [InlineData("3782-822463-10005", true)]
    [InlineData("378282246310006", false)]
    [InlineData("jsmith", false)]
    [InlineData("", false)]
    public void Given_text_Then_LooksLikeCardNumber_is_true_only_for_a_valid_card_number(string input, bool expected) =>
        Assert.Equal(expected, CardNumber.LooksLikeCardNumber(input));
}
