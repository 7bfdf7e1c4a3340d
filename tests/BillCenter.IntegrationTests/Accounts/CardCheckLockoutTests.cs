using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.Modules.Accounts.Features.SelfServiceChecks;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.SharedKernel.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.IntegrationTests;

/// <summary>Card checks: every failure costs the database the same, failures count per card account, and a lock alerts once.</summary>
public abstract class CardCheckLockoutTests(AppFixture fixture)
{
    protected BillCenterApp App => fixture.App;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_each_way_a_card_check_can_fail_Then_the_database_does_the_same_work_for_each()
    {
        var active = await App.OpenAsync();
        var corporate = await App.OpenAsync(product: Product.CorporatePurchasing);
        var cancelled = await App.OpenAsync(status: CardStatus.Cancelled);
        var locked = await App.OpenAsync();
        await FailAsync(locked, 0, SelfServiceLockout.MaxFailures);

        var outcomes = new (string Case, IRequest<CardVerification> Check)[]
        {
            ("unknown card", new VerifyCardId(TestCards.Parse(TestCards.NewCardNumber()), TestCards.ParseCardId("1234"))),
            ("wrong card ID", new VerifyCardId(TestCards.Parse(active.CardNumbers[0]), TestCards.ParseCardId(TestCards.WrongCardId(active.CardIdDigits[0]!)))),
            ("wrong billing address", new VerifyBillingAddress(TestCards.Parse(corporate.CardNumbers[0]), "1 Other Road", TestCards.Zip(corporate.Zip))),
            ("cancelled card", new VerifyCardId(TestCards.Parse(cancelled.CardNumbers[0]), TestCards.ParseCardId(cancelled.CardIdDigits[0]!))),
            ("locked card", new VerifyCardId(TestCards.Parse(locked.CardNumbers[0]), TestCards.ParseCardId(locked.CardIdDigits[0]!))),
        };

        var work = new List<(string Case, string Commands)>();
        foreach (var (name, check) in outcomes)
        {
            CardVerification result;
            IReadOnlyList<string> commands;
            using (App.SqlLog.Record(out commands))
            {
                result = await App.SendAsync(check);
            }

            Assert.False(result.Verified, name);
            work.Add((name, string.Join(' ', commands)));
        }

        Assert.Contains("INSERT", work[0].Commands, StringComparison.Ordinal); // the attempt is recorded for an unknown card too
        Assert.All(work.Skip(1), w => Assert.True(w.Commands == work[0].Commands,
            $"{w.Case}: [{w.Commands}] but {work[0].Case}: [{work[0].Commands}]"));
    }

    [Fact]
    public async Task Given_an_account_with_three_cards_Then_failures_on_any_of_its_cards_count_together_and_lock_them_all()
    {
        var account = await App.OpenAsync(cards: 3);
        await FailAsync(account, 0, 2);
        await FailAsync(account, 1, 1);
        Assert.False((await App.SendAsync(new VerifyBillingAddress(TestCards.Parse(account.CardNumbers[2]), "1 Other Road", TestCards.Zip(account.Zip)))).Verified);

        // Positive control: four failures on the account, its cards still pass with the right details.
        Assert.True((await RightCardIdAsync(account, 2)).Verified);

        await FailAsync(account, 2, 1);

        for (var card = 0; card < 3; card++)
        {
            Assert.False((await RightCardIdAsync(account, card)).Verified);
        }

        Assert.False((await App.SendAsync(new VerifyBillingAddress(TestCards.Parse(account.CardNumbers[1]), account.Street, TestCards.Zip(account.Zip)))).Verified);
        Assert.Equal(1, await LockAlertsAsync(account.CardAccountId));
    }

    [Fact]
    public async Task Given_a_closed_account_Then_the_address_check_refuses_its_cards_even_with_the_right_address()
    {
        var account = await App.OpenAsync(product: Product.CorporatePurchasing);
        var number = TestCards.Parse(account.CardNumbers[0]);
        Assert.True((await App.SendAsync(new VerifyBillingAddress(number, account.Street, TestCards.Zip(account.Zip)))).Verified);

        await App.WithScopeAsync(services => services.GetRequiredService<AccountsDbContext>().CardAccounts
            .Where(a => a.Id == account.CardAccountId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AccountStatus.Closed), Cancel));

        Assert.False((await App.SendAsync(new VerifyBillingAddress(number, account.Street, TestCards.Zip(account.Zip)))).Verified);
        Assert.False((await App.SendAsync(new VerifyBillingAddress(number, account.Street, TestCards.Zip(account.Zip), AllowCancelledCard: true))).Verified);
    }

    [Fact]
    public async Task Given_a_card_with_a_card_ID_When_a_caller_takes_only_cards_without_one_Then_the_right_address_fails_and_counts()
    {
        var account = await App.OpenAsync();
        var number = TestCards.Parse(account.CardNumbers[0]);

        var result = await App.SendAsync(new VerifyBillingAddress(number, account.Street, TestCards.Zip(account.Zip), OnlyCardsWithoutCardId: true));

        Assert.False(result.Verified);
        Assert.Equal(1, await FailuresAsync(account.CardAccountId));
        Assert.True((await App.SendAsync(new VerifyBillingAddress(number, account.Street, TestCards.Zip(account.Zip)))).Verified);
    }

    [Fact]
    public async Task Given_more_failures_after_the_lock_Then_the_cardholder_is_alerted_once()
    {
        var account = await App.OpenAsync();

        await FailAsync(account, 0, SelfServiceLockout.MaxFailures + 3);

        Assert.Equal(1, await LockAlertsAsync(account.CardAccountId));
        Assert.False((await RightCardIdAsync(account, 0)).Verified);
    }

    [Fact]
    public async Task Given_a_lock_asked_for_by_another_check_Then_every_card_of_the_account_is_refused_and_the_cardholder_is_alerted_once()
    {
        var account = await App.OpenAsync(cards: 2);
        var other = await App.OpenAsync();
        Assert.True((await RightCardIdAsync(account, 1)).Verified);

        await LockAsync(account.CardAccountId);
        await LockAsync(account.CardAccountId);

        Assert.False((await RightCardIdAsync(account, 0)).Verified);
        Assert.False((await RightCardIdAsync(account, 1)).Verified);
        Assert.Equal(1, await LockAlertsAsync(account.CardAccountId));
        Assert.True((await RightCardIdAsync(other, 0)).Verified); // only that account is locked
        Assert.Equal(0, await LockAlertsAsync(other.CardAccountId));
    }

    [Fact]
    public async Task Given_an_account_locked_by_failures_When_a_lock_is_asked_for_Then_no_second_alert_is_sent()
    {
        var account = await App.OpenAsync();
        await FailAsync(account, 0, SelfServiceLockout.MaxFailures);
        Assert.Equal(1, await LockAlertsAsync(account.CardAccountId));

        await LockAsync(account.CardAccountId);

        Assert.Equal(1, await LockAlertsAsync(account.CardAccountId));
    }

    private protected async Task FailAsync(TestAccount account, int card, int times)
    {
        var number = TestCards.Parse(account.CardNumbers[card]);
        var wrong = TestCards.ParseCardId(TestCards.WrongCardId(account.CardIdDigits[card]!));
        for (var i = 0; i < times; i++)
        {
            Assert.False((await App.SendAsync(new VerifyCardId(number, wrong))).Verified);
        }
    }

    private protected Task<CardVerification> RightCardIdAsync(TestAccount account, int card) =>
        App.SendAsync(new VerifyCardId(TestCards.Parse(account.CardNumbers[card]), TestCards.ParseCardId(account.CardIdDigits[card]!)));

    private Task LockAsync(Guid cardAccountId) =>
        App.WithScopeAsync(services => services.GetRequiredService<SelfServiceLockout>().LockAsync(cardAccountId, "too many one-time codes", Cancel));

    /// <summary>"card-locked" alerts written to the Accounts outbox for one account.</summary>
    protected async Task<int> LockAlertsAsync(Guid cardAccountId)
    {
        var count = 0;
        await App.WithScopeAsync(async services =>
        {
            var messages = await services.GetRequiredService<AccountsDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync(Cancel);
            count = messages.Select(m => m.ToEvent()).OfType<AlertRequested>()
                .Count(a => a.CardAccountId == cardAccountId && a.Template == "card-locked" && a.Type == AlertType.Security);
        });
        return count;
    }

    protected async Task<int> FailuresAsync(Guid cardAccountId)
    {
        var count = 0;
        await App.WithScopeAsync(async services =>
            count = await services.GetRequiredService<AccountsDbContext>().VerificationAttempts
                .CountAsync(a => a.Subject == cardAccountId && a.State == VerificationAttemptState.Failed, Cancel));
        return count;
    }
}

public sealed class CardCheckLockoutTestsOnSqlite(SqliteFixture fixture) : CardCheckLockoutTests(fixture), IClassFixture<SqliteFixture>;

public sealed class CardCheckLockoutTestsOnPostgres(PostgresFixture fixture) : CardCheckLockoutTests(fixture), IClassFixture<PostgresFixture>
{
    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public async Task Given_many_parallel_wrong_guesses_at_one_account_Then_it_is_locked_with_exactly_one_alert(int failuresBefore)
    {
        var account = await App.OpenAsync(cards: 2);
        await FailAsync(account, 0, failuresBefore);

        // Bursts of parallel guesses at both cards until five were checked (a burst may be refused whole).
        for (var burst = 0; burst < 20 && await FailuresAsync(account.CardAccountId) < SelfServiceLockout.MaxFailures; burst++)
        {
            var guesses = Enumerable.Range(0, 20)
                .Select(i => new VerifyCardId(TestCards.Parse(account.CardNumbers[i % 2]), TestCards.ParseCardId(TestCards.WrongCardId(account.CardIdDigits[i % 2]!))));
            var results = await Task.WhenAll(guesses.Select(g => Task.Run(() => App.SendAsync(g), Cancel)));
            Assert.All(results, r => Assert.False(r.Verified));
        }

        Assert.Equal(SelfServiceLockout.MaxFailures, await FailuresAsync(account.CardAccountId));
        Assert.Equal(1, await LockAlertsAsync(account.CardAccountId));
        Assert.False((await RightCardIdAsync(account, 0)).Verified);
        Assert.False((await RightCardIdAsync(account, 1)).Verified);
    }
}
