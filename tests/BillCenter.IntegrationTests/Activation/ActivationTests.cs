using System.Text.RegularExpressions;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Activation.Pages.Activate;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.SharedKernel.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.IntegrationTests;

/// <summary>A replacement card issued through the Accounts contract, with its number and card ID in clear for the test.</summary>
internal sealed record TestReplacement(Guid CardId, string CardNumber, string CardIdDigits);

internal static partial class Activation
{
    public static Task<HttpResponseMessage> ActivateAsync(this HttpClient client, string cardNumber, string cardId) =>
        client.SubmitFormAsync("/activate", new Dictionary<string, string> { ["Data.CardNumber"] = cardNumber, ["Data.CardId"] = cardId });

    public static async Task<TestReplacement> IssueReplacementAsync(this BillCenterApp app, TestAccount account, string? cardNumber = null)
    {
        var number = cardNumber ?? TestCards.NewCardNumber();
        var cid = TestCards.NewCardId();
        var id = await app.SendAsync(new IssueReplacementCard(account.CardAccountId, account.CardIds[0],
            new NewCard(TestCards.Parse(number), TestCards.ParseCardId(cid), "TEST HOLDER", CardStatus.Issued, true, new DateOnly(2031, 1, 31))));
        return new TestReplacement(id, number, cid);
    }

    public static async Task<CardStatus> StatusOfAsync(this BillCenterApp app, string cardNumber) =>
        (await app.SendAsync(new FindCard(TestCards.Parse(cardNumber))))!.Status;

    /// <summary>"card activated" alerts waiting in (or published from) the Accounts outbox for one account.</summary>
    public static async Task<int> ActivationAlertsInOutboxAsync(this BillCenterApp app, Guid cardAccountId)
    {
        var count = 0;
        await app.WithScopeAsync(async services =>
        {
            var messages = await services.GetRequiredService<AccountsDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
            count = messages.Select(m => m.ToEvent()).OfType<AlertRequested>()
                .Count(a => a.CardAccountId == cardAccountId && a.Template == "card-activated" && a.Type == AlertType.CardActivated);
        });
        return count;
    }

    /// <summary>The page with what may differ between two failures for a good reason taken out: the antiforgery token and the echoed card number.</summary>
    public static string Normalised(string html) =>
        CardNumberValuePattern().Replace(AntiforgeryValuePattern().Replace(html, "$1\"…\""), "$1\"…\"");

    [GeneratedRegex("(name=\"__RequestVerificationToken\" type=\"hidden\" value=)\"[^\"]*\"")]
    private static partial Regex AntiforgeryValuePattern();

    [GeneratedRegex("(name=\"Data.CardNumber\" type=\"text\" value=)\"[^\"]*\"")]
    private static partial Regex CardNumberValuePattern();
}

public abstract class ActivationTests(AppFixture fixture)
{
    private const string Password = "copper meadow lantern 63";

    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_an_issued_replacement_card_When_activated_through_the_form_Then_it_is_active_and_the_card_it_replaces_is_replaced()
    {
        var account = await App.OpenAsync();
        var replacement = await App.IssueReplacementAsync(account);
        var client = App.CreateBrowserLikeClient();

        var form = await client.GetAsync("/activate", Cancel);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var response = await client.ActivateAsync(replacement.CardNumber, replacement.CardIdDigits);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/activate/done", response.Headers.Location?.OriginalString);
        var done = await client.GetStringAsync("/activate/done", Cancel);
        Assert.Contains($"Your card ending {replacement.CardNumber[^4..]} is active", done, StringComparison.Ordinal);
        Assert.Contains("href=\"/sign-in\"", done, StringComparison.Ordinal);
        Assert.DoesNotContain(replacement.CardNumber[..11], done, StringComparison.Ordinal);
        Assert.Equal(CardStatus.Active, await App.StatusOfAsync(replacement.CardNumber));
        Assert.Equal(CardStatus.Replaced, await App.StatusOfAsync(account.CardNumbers[0]));
        Assert.Equal(1, await App.ActivationAlertsInOutboxAsync(account.CardAccountId));
        Assert.DoesNotContain(replacement.CardNumber[..11], App.Logs.AllText, StringComparison.Ordinal); // form posts are logged without the card number
        await App.WithScopeAsync(async services =>
        {
            var card = await services.GetRequiredService<AccountsDbContext>().Cards.AsNoTracking().SingleAsync(c => c.Id == replacement.CardId, Cancel);
            Assert.NotNull(card.ActivatedAt);
        });

        // The confirmation is shown once; coming back to it starts again.
        var again = await client.GetAsync("/activate/done", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/activate", again.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Given_an_active_card_Then_it_is_told_it_is_already_active_only_after_its_card_ID_is_verified()
    {
        var account = await App.OpenAsync();
        var client = App.CreateBrowserLikeClient();

        var wrong = await client.ActivateAsync(account.CardNumbers[0], TestCards.WrongCardId(account.CardIdDigits[0]!));
        var wrongHtml = await wrong.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains(IndexModel.UniformFailure, wrongHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("already active", wrongHtml, StringComparison.Ordinal);

        var right = await client.ActivateAsync(account.CardNumbers[0], account.CardIdDigits[0]!);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var done = await client.GetStringAsync("/activate/done", Cancel);
        Assert.Contains($"Your card ending {account.CardNumbers[0][^4..]} is already active", done, StringComparison.Ordinal);
        Assert.Equal(0, await App.ActivationAlertsInOutboxAsync(account.CardAccountId));
    }

    [Fact]
    public async Task Given_an_unknown_cancelled_locked_or_replaced_card_or_a_wrong_card_ID_Then_every_response_is_identical()
    {
        var issued = await App.OpenAsync(status: CardStatus.Issued);
        var cancelled = await App.OpenAsync(status: CardStatus.Cancelled);
        var locked = await App.OpenAsync(status: CardStatus.Issued);
        var replacedAccount = await App.OpenAsync();
        var replacement = await App.IssueReplacementAsync(replacedAccount);
        await App.SendAsync(new ActivateCard(replacement.CardId));
        var lockedNumber = TestCards.Parse(locked.CardNumbers[0]);
        for (var i = 0; i < 5; i++)
        {
            await App.SendAsync(new VerifyCardId(lockedNumber, TestCards.ParseCardId(TestCards.WrongCardId(locked.CardIdDigits[0]!))));
        }

        var attempts = new (string Case, string Number, string CardId)[]
        {
            ("wrong card ID", issued.CardNumbers[0], TestCards.WrongCardId(issued.CardIdDigits[0]!)),
            ("unknown card", TestCards.NewCardNumber(), TestCards.NewCardId()),
            ("cancelled card", cancelled.CardNumbers[0], cancelled.CardIdDigits[0]!),
            ("locked card", locked.CardNumbers[0], locked.CardIdDigits[0]!),
            ("replaced card", replacedAccount.CardNumbers[0], replacedAccount.CardIdDigits[0]!),
        };
        var responses = new List<(string Case, HttpStatusCode Status, string Html)>();
        foreach (var (name, number, cardId) in attempts)
        {
            var response = await App.CreateBrowserLikeClient().ActivateAsync(number, cardId);
            var html = await response.Content.ReadAsStringAsync(Cancel);
            responses.Add((name, response.StatusCode, html));
            Assert.DoesNotContain($"value=\"{cardId}\"", html, StringComparison.Ordinal); // the card ID is never written back
        }

        var first = responses[0];
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Contains("<title>Error: Activate your card", first.Html, StringComparison.Ordinal);
        Assert.Contains($"<li><a href=\"#Data_CardNumber\">{IndexModel.UniformFailure}</a></li>", first.Html, StringComparison.Ordinal);
        foreach (var other in responses.Skip(1))
        {
            Assert.Equal(first.Status, other.Status);
            Assert.True(Activation.Normalised(first.Html) == Activation.Normalised(other.Html), $"the {other.Case} page differs from the {first.Case} page");
        }

        // Nothing changed: the failures activated nothing and wrote no alert.
        Assert.Equal(CardStatus.Issued, await App.StatusOfAsync(issued.CardNumbers[0]));
        Assert.Equal(CardStatus.Issued, await App.StatusOfAsync(locked.CardNumbers[0]));
        Assert.Equal(CardStatus.Cancelled, await App.StatusOfAsync(cancelled.CardNumbers[0]));
        Assert.Equal(0, await App.ActivationAlertsInOutboxAsync(issued.CardAccountId));
        Assert.Equal(0, await App.ActivationAlertsInOutboxAsync(locked.CardAccountId));
    }

    [Fact]
    public async Task Given_five_wrong_card_IDs_on_the_activation_form_Then_the_card_is_locked_and_the_right_card_ID_is_refused_too()
    {
        var account = await App.OpenAsync(status: CardStatus.Issued);
        var client = App.CreateBrowserLikeClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.ActivateAsync(account.CardNumbers[0], TestCards.WrongCardId(account.CardIdDigits[0]!))).StatusCode);
        }

        var right = await client.ActivateAsync(account.CardNumbers[0], account.CardIdDigits[0]!);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(IndexModel.UniformFailure, await right.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(CardStatus.Issued, await App.StatusOfAsync(account.CardNumbers[0]));
    }

    [Theory]
    [InlineData("", "", "Enter your card number", "Enter the 4-digit card ID")]
    [InlineData("3712 3456", "12", "Enter a 15-digit card number", "Card ID must be exactly 4 digits")]
    [InlineData("3712 345678 90014", "12345", "The card number is not valid", "Card ID must be exactly 4 digits")]
    [InlineData("4111 111111 11111", "abcd", "The card number is not valid", "Card ID must be exactly 4 digits")]
    [InlineData("3712-abc", "4821", "Card number must only include numbers, spaces and hyphens", null)]
    public async Task Given_details_in_the_wrong_format_Then_each_error_is_shown_at_its_field(string number, string cardId, string numberError, string? cardIdError)
    {
        var response = await App.CreateBrowserLikeClient().ActivateAsync(number, cardId);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Error: Activate your card", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"#Data_CardNumber\">{numberError}</a>", html, StringComparison.Ordinal);
        Assert.Contains($"<p id=\"Data_CardNumber-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> {numberError}</p>", html, StringComparison.Ordinal);
        if (cardIdError is null)
        {
            Assert.DoesNotContain("id=\"Data_CardId-error\"", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains($"<p id=\"Data_CardId-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> {cardIdError}</p>", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(IndexModel.UniformFailure, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_two_parallel_activations_of_one_card_Then_it_is_activated_once_with_one_alert()
    {
        var account = await App.OpenAsync();
        var replacement = await App.IssueReplacementAsync(account);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => App.SendAsync(new ActivateCard(replacement.CardId))));

        Assert.Equal(1, outcomes.Count(o => o == CardActivationOutcome.Activated));
        Assert.Equal(7, outcomes.Count(o => o == CardActivationOutcome.AlreadyActive));
        Assert.Equal(CardStatus.Replaced, await App.StatusOfAsync(account.CardNumbers[0]));
        Assert.Equal(1, await App.ActivationAlertsInOutboxAsync(account.CardAccountId));
    }

    [Fact]
    public async Task Given_a_signed_in_cardholder_When_activating_the_replacement_card_Then_the_summary_shows_the_new_card_instead_of_the_old_one()
    {
        var account = await App.OpenAsync(transactionsPerCard: 2);
        var replacement = await App.IssueReplacementAsync(account);
        var (userName, _) = await App.NewCardholderAsync(Password, account);
        var client = App.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(userName, Password);
        var before = await client.GetStringAsync("/accounts", Cancel);
        Assert.Contains($"Card ending {account.CardNumbers[0][^4..]}", before, StringComparison.Ordinal);

        var response = await client.ActivateAsync(replacement.CardNumber, replacement.CardIdDigits);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var done = await client.GetStringAsync("/activate/done", Cancel);
        Assert.Contains("href=\"/accounts\"", done, StringComparison.Ordinal);
        var after = await client.GetStringAsync("/accounts", Cancel);
        var card = after[after.IndexOf($"data-testid=\"card-{replacement.CardNumber[^4..]}\"", StringComparison.Ordinal)..];
        Assert.Contains($"Card ending {replacement.CardNumber[^4..]}", card, StringComparison.Ordinal);
        Assert.Contains("· Active ·", card, StringComparison.Ordinal);
        Assert.DoesNotContain($"Card ending {account.CardNumbers[0][^4..]}", after, StringComparison.Ordinal);
    }
}

public sealed class ActivationTestsOnSqlite(SqliteFixture fixture) : ActivationTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ActivationTestsOnPostgres(PostgresFixture fixture) : ActivationTests(fixture), IClassFixture<PostgresFixture>;

/// <summary>The "card activated" email, end to end: the Accounts outbox, the Notifications dispatcher and the real SMTP server.</summary>
public abstract class ActivationEmailTests(NotificationAppFixture fixture)
{
    private BillCenterApp App => fixture.App;

    [Fact]
    public async Task Given_a_card_activated_through_the_form_Then_exactly_one_card_activated_email_reaches_the_contact_on_file_without_the_card_number()
    {
        var account = await App.OpenAsync(status: CardStatus.Issued, mobile: null);
        var number = account.CardNumbers[0];

        Assert.Equal(HttpStatusCode.Redirect, (await App.CreateBrowserLikeClient().ActivateAsync(number, account.CardIdDigits[0]!)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await App.CreateBrowserLikeClient().ActivateAsync(number, account.CardIdDigits[0]!)).StatusCode); // already active: no second alert

        var message = Assert.Single(await MailDrop.WaitForAsync(account.Email!));
        Assert.Equal($"Your card ending {number[^4..]} is active", message.Subject);
        Assert.Contains($"Your card ending {number[^4..]} is now active", message.TextBody, StringComparison.Ordinal);
        MailAssert.NoCardSecrets(message, number, account.CardIdDigits[0]!);
        await DrainAsync();
        Assert.Single(await MailDrop.MessagesToAsync(account.Email!));
    }

    [Fact]
    public async Task Given_two_parallel_activations_through_the_form_Then_one_says_active_one_says_already_active_and_one_email_is_sent()
    {
        var account = await App.OpenAsync(status: CardStatus.Issued, mobile: null);
        var number = account.CardNumbers[0];
        var clients = new[] { App.CreateBrowserLikeClient(), App.CreateBrowserLikeClient() };

        var responses = await Task.WhenAll(clients.Select(c => c.ActivateAsync(number, account.CardIdDigits[0]!)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var pages = await Task.WhenAll(clients.Select(c => c.GetStringAsync("/activate/done", TestContext.Current.CancellationToken)));
        Assert.Single(pages, p => p.Contains($"Your card ending {number[^4..]} is active", StringComparison.Ordinal));
        Assert.Single(pages, p => p.Contains($"Your card ending {number[^4..]} is already active", StringComparison.Ordinal));
        Assert.Single(await MailDrop.WaitForAsync(account.Email!));
        await DrainAsync();
        Assert.Single(await MailDrop.MessagesToAsync(account.Email!));
        Assert.Equal(1, await App.ActivationAlertsInOutboxAsync(account.CardAccountId));
    }

    private Task DrainAsync() => Dispatcher.DrainAsync(App);
}

public sealed class ActivationEmailTestsOnSqlite(SqliteNotificationFixture fixture) : ActivationEmailTests(fixture), IClassFixture<SqliteNotificationFixture>;

public sealed class ActivationEmailTestsOnPostgres(PostgresNotificationFixture fixture) : ActivationEmailTests(fixture), IClassFixture<PostgresNotificationFixture>;
