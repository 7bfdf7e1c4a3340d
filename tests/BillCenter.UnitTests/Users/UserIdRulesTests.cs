using BillCenter.Modules.Users.Domain;

namespace BillCenter.UnitTests.Users;

/// <summary>The user ID rules on their own (the same rules through the app: IntegrationTests UserRulesTests).</summary>
public class UserIdRulesTests
{
    [Theory]
    [InlineData("", "Enter a user ID")]
    [InlineData("   ", "Enter a user ID")]
    [InlineData("3712 345678 90013", "must not be a card number")]
    [InlineData("me371234567890013", "must not be a card number")]
    [InlineData("id.1234.5678.9012", "must not be a card number")]
    [InlineData("abc", "between 6 and 32 characters")]
    [InlineData("abcdefghijabcdefghijabcdefghijabc", "between 6 and 32 characters")]
    [InlineData("has space in it", "must only include letters")]
    [InlineData("robin#park", "must only include letters")]
    public void Given_an_unacceptable_user_ID_Then_the_rule_it_breaks_is_named(string userId, string message) =>
        Assert.Contains(message, UserIdRules.Check(userId), StringComparison.Ordinal);

    [Theory]
    [InlineData("robin.park")]
    [InlineData("robin_park-1980@home")]
    [InlineData("abcdef")]
    [InlineData("r12345678901")] // 11 digits in a row: not a card number
    public void Given_an_acceptable_user_ID_Then_no_rule_is_broken(string userId) =>
        Assert.Null(UserIdRules.Check(userId));

    [Fact]
    public void Given_the_limits_Then_exactly_the_minimum_and_maximum_lengths_are_accepted()
    {
        Assert.Null(UserIdRules.Check(new string('a', UserIdRules.MinimumLength)));
        Assert.Null(UserIdRules.Check(new string('a', UserIdRules.MaximumLength)));
        Assert.NotNull(UserIdRules.Check(new string('a', UserIdRules.MinimumLength - 1)));
        Assert.NotNull(UserIdRules.Check(new string('a', UserIdRules.MaximumLength + 1)));
    }
}
