using BillCenter.Modules.Users.Domain;

namespace BillCenter.UnitTests.Users;

/// <summary>The password rules on their own (the same rules through the app: IntegrationTests UserRulesTests).</summary>
public class PasswordRulesTests
{
    [Theory]
    [InlineData("", "Enter a password")]
    [InlineData("short", "Password must be 8 characters or more")]
    [InlineData("password123", "This is similar to a commonly used password")]
    [InlineData("  Password123  ", "This is similar to a commonly used password")]
    [InlineData("Qwertyuiop", "This is a top-100 common password")]
    [InlineData("P@ssw0rd", "This is a top-10 common password")]
    [InlineData("sunshine1", "commonly used password")]
    [InlineData("johnsmith", "Common names and surnames are easy to guess")]
    [InlineData("robinpark1", "Do not build your password from your user ID")]
    [InlineData("billcenter1", "the name of this site")]
    [InlineData("aaaaaaaaaa", "repeated or sequential")]
    [InlineData("123456789012", "repeated or sequential")]
    public void Given_a_weak_password_Then_the_one_reason_is_named(string password, string reason)
    {
        var reasons = PasswordRules.Check(password, "robin.park");

        Assert.Contains(reason, Assert.Single(reasons), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P@ssw0rd", "This is a top-10 common password. Add another word or two: uncommon words are better. A capital letter at the start does not help very much. Predictable substitutions like ‘@’ instead of ‘a’ do not help very much")]
    [InlineData("MONKEYMONKEY", "This is similar to a commonly used password. Add another word or two: uncommon words are better. All capitals are almost as easy to guess as all lower case")]
    [InlineData("johnsmith", "Common names and surnames are easy to guess. Add another word or two: uncommon words are better")]
    public void Given_a_weak_password_Then_the_reason_is_zxcvbns_warning_and_suggestions(string password, string reason) =>
        Assert.Equal(reason, Assert.Single(PasswordRules.Check(password, "robin.park")));

    [Fact]
    public void Given_a_long_password_whose_start_is_weak_Then_it_is_refused_on_the_start_alone() =>
        Assert.NotEmpty(PasswordRules.Check(string.Concat(Enumerable.Repeat("password", 8)) + "x", null));

    [Fact]
    public void Given_a_password_over_the_maximum_length_Then_it_is_refused()
    {
        var reasons = PasswordRules.Check(new string('x', PasswordRules.MaximumLength - 3) + "abcd", null);

        Assert.Equal($"Password must be {PasswordRules.MaximumLength} characters or fewer", Assert.Single(reasons));
    }

    [Theory]
    [InlineData("Tr0ub4dor&3x")]
    [InlineData("correct horse battery staple with a long tail")]
    [InlineData("pässwörd mit ümlauten")]
    [InlineData("paper lantern river 42")]
    [InlineData("a fresh passphrase for 2027")]
    public void Given_a_long_or_unusual_password_without_composition_rules_Then_it_is_accepted(string password) =>
        Assert.Empty(PasswordRules.Check(password, "robin.park"));

    [Theory]
    [InlineData("my robin.park secret")]
    [InlineData("my ROBIN.PARK secret")]
    public void Given_a_password_containing_the_user_ID_in_any_case_Then_it_is_refused(string password) =>
        Assert.Equal("Password must not contain your user ID", Assert.Single(PasswordRules.Check(password, "robin.park")));

    [Fact]
    public void Given_a_very_short_user_ID_Then_a_password_containing_it_is_not_refused_for_that() =>
        Assert.Empty(PasswordRules.Check("paper abc lantern river 42", "abc"));
}
