using BillCenter.SharedKernel.Cards;
using CsCheck;

namespace BillCenter.SharedKernel.Tests.Cards;

public class CardIdTests
{
    [Theory]
    [InlineData("1234", "1234")]
    [InlineData("0000", "0000")]
    [InlineData(" 0987 ", "0987")]
    public void Given_exactly_four_digits_Then_it_parses(string input, string digits)
    {
        Assert.True(CardId.TryParse(input, out var cardId));
        Assert.Equal(digits, cardId.Digits);
        Assert.Null(CardId.Validate(input));
    }

    [Fact]
    public void Given_any_four_digits_Then_it_parses() =>
        Gen.Char['0', '9'].Array[4].Sample(chars => CardId.TryParse(new string(chars), out _));

    [Theory]
    [InlineData("123")]
    [InlineData("12345")]
    [InlineData("12 34")]
    [InlineData("12-34")]
    [InlineData("12a4")]
    [InlineData("١٢٣٤")]
    public void Given_anything_but_four_digits_Then_it_is_refused_with_the_card_id_message(string input)
    {
        Assert.False(CardId.TryParse(input, out var cardId));
        Assert.Null(cardId);
        Assert.Equal("Card ID must be exactly 4 digits", CardId.Validate(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Given_nothing_Then_Validate_asks_for_the_card_id(string? input)
    {
        Assert.False(CardId.TryParse(input, out _));
        Assert.Equal("Enter the 4-digit card ID", CardId.Validate(input));
    }

    [Fact]
    public void Given_a_card_id_Then_ToString_hides_the_digits()
    {
        Assert.True(CardId.TryParse("4321", out var cardId));

        Assert.Equal("card ID ••••", cardId.ToString());
        Assert.DoesNotContain("4321", cardId.ToString(), StringComparison.Ordinal);
    }
}
