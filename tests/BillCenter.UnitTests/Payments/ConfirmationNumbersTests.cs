using System.Text.RegularExpressions;
using BillCenter.Modules.Payments.Domain;

namespace BillCenter.UnitTests.Payments;

/// <summary>"PMT-7K2Q-9XD4-MB3F": Crockford's base 32 (no I, L, O, U), random, well-formed by its own check.</summary>
public class ConfirmationNumbersTests
{
    [Fact]
    public void Given_a_new_number_Then_it_is_PMT_and_three_groups_of_four_from_the_alphabet()
    {
        for (var i = 0; i < 1000; i++)
        {
            var number = ConfirmationNumbers.New();

            Assert.Matches(new Regex("^PMT-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$"), number);
            Assert.Equal(ConfirmationNumbers.Length, number.Length);
            Assert.True(ConfirmationNumbers.IsWellFormed(number), number);
        }
    }

    [Fact]
    public void Given_the_alphabet_Then_32_distinct_characters_without_the_ones_read_out_wrong()
    {
        Assert.Equal(32, ConfirmationNumbers.Alphabet.Distinct().Count());
        Assert.DoesNotContain(ConfirmationNumbers.Alphabet, c => c is 'I' or 'L' or 'O' or 'U');
    }

    [Fact]
    public void Given_100000_new_numbers_Then_all_distinct_and_every_character_of_the_alphabet_used()
    {
        var numbers = Enumerable.Range(0, 100_000).Select(_ => ConfirmationNumbers.New()).ToList();

        Assert.Equal(numbers.Count, numbers.Distinct(StringComparer.Ordinal).Count());
        var used = numbers.SelectMany(n => n[4..].Replace("-", string.Empty, StringComparison.Ordinal)).ToHashSet();
        Assert.Equal(ConfirmationNumbers.Alphabet.ToHashSet(), used);
    }

    [Theory]
    [InlineData("PMT-7K2Q-9XD4-MB3F", true)]
    [InlineData("PMT-0000-0000-0000", true)]
    [InlineData("PMT-7K2Q-9XD4-MB3O", false)] // O is not in the alphabet
    [InlineData("PMT-7K2Q-9XD4-MB3I", false)]
    [InlineData("PMT-7K2Q-9XD4-MB3U", false)]
    [InlineData("pmt-7K2Q-9XD4-MB3F", false)]
    [InlineData("PMT-7k2q-9xd4-mb3f", false)]
    [InlineData("PMX-7K2Q-9XD4-MB3F", false)]
    [InlineData("PMT-7K2Q-9XD4-MB3", false)]
    [InlineData("PMT-7K2Q-9XD4-MB3FF", false)]
    [InlineData("PMT-7K2Q9XD4-MB3FF", false)]
    [InlineData("PMT 7K2Q 9XD4 MB3F", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Given_a_typed_number_Then_it_is_well_formed_only_in_the_exact_format(string? number, bool expected) =>
        Assert.Equal(expected, ConfirmationNumbers.IsWellFormed(number));
}
