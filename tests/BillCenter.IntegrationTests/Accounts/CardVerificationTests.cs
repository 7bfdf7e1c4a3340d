using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.IntegrationTests;

public abstract class CardVerificationTests(AppFixture fixture)
{
    private BillCenterApp App => fixture.App;

    [Fact]
    public async Task Given_the_right_card_ID_Then_the_card_is_verified_with_its_account()
    {
        var account = await App.OpenAsync();

        var result = await App.SendAsync(new VerifyCardId(TestCards.Parse(account.CardNumbers[0]), TestCards.ParseCardId(account.CardIdDigits[0]!)));

        Assert.True(result.Verified);
        Assert.Equal(account.CardAccountId, result.Card!.CardAccountId);
        Assert.Equal(account.CardNumbers[0][^4..], result.Card.Last4);
        Assert.False(result.Card.AccountLinkedToUser);
    }

    [Fact]
    public async Task Given_an_unknown_card_a_cancelled_card_or_a_wrong_card_ID_Then_the_answer_is_identical()
    {
        var active = await App.OpenAsync();
        var cancelled = await App.OpenAsync(status: CardStatus.Cancelled);

        var unknown = await App.SendAsync(new VerifyCardId(TestCards.Parse(TestCards.NewCardNumber()), TestCards.ParseCardId("1234")));
        var wrongCid = await App.SendAsync(new VerifyCardId(TestCards.Parse(active.CardNumbers[0]), TestCards.ParseCardId(TestCards.WrongCardId(active.CardIdDigits[0]!))));
        var cancelledCard = await App.SendAsync(new VerifyCardId(TestCards.Parse(cancelled.CardNumbers[0]), TestCards.ParseCardId(cancelled.CardIdDigits[0]!)));

        Assert.Same(CardVerification.Failed, unknown);
        Assert.Equal(unknown, wrongCid);
        Assert.Equal(unknown, cancelledCard);
    }

    [Fact]
    public async Task Given_five_wrong_card_IDs_Then_the_card_is_locked_and_the_right_card_ID_is_refused_too()
    {
        var account = await App.OpenAsync();
        var number = TestCards.Parse(account.CardNumbers[0]);
        var wrong = TestCards.ParseCardId(TestCards.WrongCardId(account.CardIdDigits[0]!));
        for (var i = 0; i < 5; i++)
        {
            Assert.False((await App.SendAsync(new VerifyCardId(number, wrong))).Verified);
        }

        var right = await App.SendAsync(new VerifyCardId(number, TestCards.ParseCardId(account.CardIdDigits[0]!)));

        Assert.Equal(CardVerification.Failed, right);
    }

    [Fact]
    public async Task Given_a_lock_counted_by_one_instance_Then_another_instance_on_the_same_database_refuses_the_card()
    {
        var account = await App.OpenAsync();
        var number = TestCards.Parse(account.CardNumbers[0]);
        var rightCardId = TestCards.ParseCardId(account.CardIdDigits[0]!);
        var wrong = TestCards.ParseCardId(TestCards.WrongCardId(account.CardIdDigits[0]!));
        await using var secondInstance = new BillCenterApp(App.Database, settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:BillCenter"] = App.ConnectionString,
            ["Database:SeedDemoData"] = "false",
        }, sharedDataFolder: App.Database == TestDatabase.Sqlite ? App.DataFolder : null);

        // Positive control: the second instance sees the card and takes its right card ID before the lock.
        var before = await secondInstance.SendAsync(new VerifyCardId(number, rightCardId));
        Assert.True(before.Verified);
        Assert.Equal(account.CardAccountId, before.Card!.CardAccountId);

        for (var i = 0; i < 5; i++)
        {
            await App.SendAsync(new VerifyCardId(number, wrong));
        }

        var after = await secondInstance.SendAsync(new VerifyCardId(number, rightCardId));

        Assert.False(after.Verified);
    }

    [Fact]
    public async Task Given_parallel_wrong_guesses_Then_no_more_than_five_are_ever_checked()
    {
        var account = await App.OpenAsync();
        var number = TestCards.Parse(account.CardNumbers[0]);
        var rightDigits = account.CardIdDigits[0]!;

        // 20 different guesses at once, one of them right: at most 5 may be checked, so the right one
        // succeeds only if it is among them, and the card ends locked either way.
        var guesses = Enumerable.Range(0, 19).Select(i => TestCards.WrongCardId(rightDigits)).Append(rightDigits).ToList();
        var results = await Task.WhenAll(guesses.Select(g => App.SendAsync(new VerifyCardId(number, TestCards.ParseCardId(g)))));

        var checkedFailures = await CountFailuresAsync(account.CardAccountId);
        Assert.InRange(checkedFailures, 1, 5);
        Assert.True(results.Count(r => r.Verified) <= 1);
        if (checkedFailures == 5)
        {
            Assert.False((await App.SendAsync(new VerifyCardId(number, TestCards.ParseCardId(rightDigits)))).Verified);
        }
    }

    [Theory]
    [InlineData("{0}", "30301")]
    [InlineData("{0} apartment 2", "30301-1234")]
    [InlineData("  {0}.  ", "30301")]
    public async Task Given_the_billing_street_and_ZIP_as_people_type_them_Then_the_address_check_passes(string streetFormat, string zip)
    {
        var account = await App.OpenAsync(product: Product.CorporatePurchasing);
        var street = string.Format(System.Globalization.CultureInfo.InvariantCulture, streetFormat, account.Street.ToUpperInvariant().Replace("AVENUE", "Ave", StringComparison.Ordinal));

        var result = await App.SendAsync(new VerifyBillingAddress(TestCards.Parse(account.CardNumbers[0]), street, TestCards.Zip(zip)));

        Assert.True(result.Verified);
        Assert.Equal(Product.CorporatePurchasing, result.Card!.Product);
    }

    [Fact]
    public async Task Given_the_wrong_ZIP_or_street_Then_the_address_check_fails_and_counts()
    {
        var account = await App.OpenAsync(product: Product.CorporatePurchasing);
        var number = TestCards.Parse(account.CardNumbers[0]);

        var wrongZip = await App.SendAsync(new VerifyBillingAddress(number, account.Street, TestCards.Zip("30302")));
        var wrongStreet = await App.SendAsync(new VerifyBillingAddress(number, "1 Other Road", TestCards.Zip(account.Zip)));

        Assert.False(wrongZip.Verified);
        Assert.False(wrongStreet.Verified);
        Assert.Equal(2, await CountFailuresAsync(account.CardAccountId));
    }

    [Fact]
    public async Task Given_a_cancelled_card_Then_only_a_caller_that_allows_it_can_verify_by_address()
    {
        var account = await App.OpenAsync(status: CardStatus.Cancelled);
        var number = TestCards.Parse(account.CardNumbers[0]);

        var refused = await App.SendAsync(new VerifyBillingAddress(number, account.Street, TestCards.Zip(account.Zip)));
        var allowed = await App.SendAsync(new VerifyBillingAddress(number, account.Street, TestCards.Zip(account.Zip), AllowCancelledCard: true));

        Assert.False(refused.Verified);
        Assert.True(allowed.Verified);
        Assert.Equal(CardStatus.Cancelled, allowed.Card!.Status);
    }

    private async Task<int> CountFailuresAsync(Guid cardAccountId)
    {
        var count = 0;
        await App.WithScopeAsync(async services =>
            count = await services.GetRequiredService<AccountsDbContext>().VerificationAttempts
                .CountAsync(a => a.Subject == cardAccountId && a.State == VerificationAttemptState.Failed, TestContext.Current.CancellationToken));
        return count;
    }
}

public sealed class CardVerificationTestsOnSqlite(SqliteFixture fixture) : CardVerificationTests(fixture), IClassFixture<SqliteFixture>;

public sealed class CardVerificationTestsOnPostgres(PostgresFixture fixture) : CardVerificationTests(fixture), IClassFixture<PostgresFixture>;
