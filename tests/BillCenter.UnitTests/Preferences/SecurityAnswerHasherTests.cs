using BillCenter.Modules.Preferences.Domain;

namespace BillCenter.UnitTests.Preferences;

/// <summary>Security answers compare as meant, not as typed, and only a salted slow hash is kept.</summary>
public class SecurityAnswerHasherTests
{
    [Theory]
    [InlineData("St. Mary's", "stmarys")]
    [InlineData("  ST  MARYS ", "stmarys")]
    [InlineData("Jean-Luc!", "jeanluc")]
    [InlineData("ÉCOLE Émile", "écoleémile")]
    [InlineData("Ford Escort 1998", "fordescort1998")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Given_an_answer_Then_case_spaces_and_punctuation_are_set_aside(string? answer, string normalized) =>
        Assert.Equal(normalized, SecurityAnswerHasher.Normalize(answer));

    [Fact]
    public void Given_a_saved_answer_Then_the_same_answer_typed_differently_matches_and_another_does_not()
    {
        var hasher = new SecurityAnswerHasher();
        var hash = hasher.Hash("St. Mary's choir");

        Assert.DoesNotContain("mary", hash, StringComparison.OrdinalIgnoreCase);
        Assert.True(hasher.Matches(hash, "st marys CHOIR"));
        Assert.False(hasher.Matches(hash, "st marys"));
        Assert.False(hasher.Matches(null, "st marys choir"));
    }

    [Fact]
    public void Given_one_answer_hashed_twice_Then_the_salts_differ()
    {
        var hasher = new SecurityAnswerHasher();

        Assert.NotEqual(hasher.Hash("Biscuit"), hasher.Hash("Biscuit"));
    }

    [Fact]
    public void Given_the_list_of_questions_Then_there_are_at_least_eight_with_unique_keys_and_none_from_public_records()
    {
        Assert.True(SecurityQuestion.All.Count >= 8);
        Assert.Equal(SecurityQuestion.All.Count, SecurityQuestion.All.Select(q => q.Key).Distinct().Count());
        Assert.DoesNotContain(SecurityQuestion.All, q => q.Text.Contains("maiden", StringComparison.OrdinalIgnoreCase) || q.Text.Contains("born", StringComparison.OrdinalIgnoreCase));
    }
}
