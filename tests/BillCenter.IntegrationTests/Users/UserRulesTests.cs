using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Users.Contracts;
using BillCenter.SharedKernel.Web;

namespace BillCenter.IntegrationTests;

public abstract class UserRulesTests(AppFixture fixture)
{
    private BillCenterApp App => fixture.App;

    [Theory]
    [InlineData("short", "Password must be 8 characters or more")]
    [InlineData("password123", "This is similar to a commonly used password")]
    [InlineData("Qwertyuiop", "This is a top-100 common password")]
    [InlineData("aaaaaaaaaa", "repeated or sequential")]
    [InlineData("123456789012", "repeated or sequential")]
    public async Task Given_a_weak_password_Then_it_is_refused_with_the_reason(string password, string reason)
    {
        var result = await App.SendAsync(new CreateUser(NewUserId(), password));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("Password", error.Field);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tr0ub4dor&3x")]
    [InlineData("correct horse battery staple with a long tail that is still fine to type in full")]
    [InlineData("pässwörd mit ümlauten")]
    public async Task Given_a_long_or_unusual_password_without_composition_rules_Then_it_is_accepted(string password)
    {
        var result = await App.SendAsync(new CreateUser(NewUserId(), password));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
    }

    [Fact]
    public async Task Given_a_password_containing_the_user_ID_Then_it_is_refused()
    {
        var userId = NewUserId();

        var result = await App.SendAsync(new CreateUser(userId, $"my {userId} secret"));

        Assert.Contains(result.Errors, e => e.Message == "Password must not contain your user ID");
    }

    [Fact]
    public async Task Given_a_user_ID_taken_in_another_case_Then_it_is_refused()
    {
        var userId = NewUserId();
        Assert.True((await App.SendAsync(new CreateUser(userId, "first owner passphrase"))).Succeeded);

        var second = await App.SendAsync(new CreateUser(userId.ToUpperInvariant(), "second owner passphrase"));

        Assert.False(second.Succeeded);
        Assert.Equal(new FieldError("UserName", "That user ID is taken. Choose a different one"), Assert.Single(second.Errors));
    }

    [Theory]
    [InlineData("3712 345678 90013", "must not be a card number")]
    [InlineData("me371234567890013", "must not be a card number")]
    [InlineData("abc", "between 6 and 32 characters")]
    [InlineData("has space in it", "must only include letters")]
    [InlineData("", "Enter a user ID")]
    public async Task Given_an_unacceptable_user_ID_Then_the_rule_it_breaks_is_named(string userId, string message)
    {
        var errors = await App.SendAsync(new CheckNewCredentials(userId, null));

        var error = Assert.Single(errors);
        Assert.Equal("UserName", error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_two_users_linking_one_card_account_at_once_Then_exactly_one_owns_it()
    {
        var account = await App.OpenAsync();
        var users = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => App.SendAsync(new CreateUser(NewUserId(), "racing to link first"))));

        var outcomes = await Task.WhenAll(users.Select(u => App.SendAsync(new LinkAccountToUser(account.CardAccountId, u.UserId!))));

        Assert.Equal(1, outcomes.Count(o => o == LinkOutcome.Linked));
        Assert.All(outcomes.Where(o => o != LinkOutcome.Linked), o => Assert.Equal(LinkOutcome.LinkedToAnotherUser, o));
    }

    private static string NewUserId() => TestUsers.NewUserId();
}

public sealed class UserRulesTestsOnSqlite(SqliteFixture fixture) : UserRulesTests(fixture), IClassFixture<SqliteFixture>;

public sealed class UserRulesTestsOnPostgres(PostgresFixture fixture) : UserRulesTests(fixture), IClassFixture<PostgresFixture>;
