using System.Globalization;
using System.Text.RegularExpressions;
using BillCenter.Host.DemoData;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.SharedKernel.Money;

namespace BillCenter.IntegrationTests;

public abstract class AccountSummaryTests(AppFixture fixture)
{
    private const string Password = "amber orchard window 58";

    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_the_demo_cardholder_Then_the_summary_shows_both_accounts_cards_with_balances_statements_and_activity_and_the_replacement_awaiting_activation()
    {
        var client = App.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoData.CardholderUserId, DemoData.CardholderPassword);

        var html = await client.GetStringAsync("/accounts", Cancel);

        Assert.Contains("Gold Card", html, StringComparison.Ordinal);
        Assert.Contains("Blue Cash Card", html, StringComparison.Ordinal);
        Assert.Contains("Card ending 0013", html, StringComparison.Ordinal);
        Assert.Contains("Card ending 0021", html, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(html, "<h3 class=\"heading-m\""));
        var replacement = html[html.IndexOf("data-testid=\"card-0047\"", StringComparison.Ordinal)..];
        replacement = replacement[..replacement.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains("Card ending 0047", replacement, StringComparison.Ordinal);
        Assert.Contains("Not yet activated", replacement, StringComparison.Ordinal);
        Assert.Contains("No recent activity on this card.", replacement, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(html, "data-testid=\"statement-balance\""));
        Assert.Equal(2, CountOf(html, "data-testid=\"minimum-due\""));
        Assert.Equal(2, CountOf(html, "data-testid=\"due-date\""));
        Assert.Equal(20, CountOf(html, "data-testid=\"transaction-date\"")); // 10 each for 0013 and 0021; none yet for 0047
        Assert.DoesNotContain("90013", html, StringComparison.Ordinal); // never more than the last four
        Assert.DoesNotContain("90047", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_cardholder_Then_the_summary_never_shows_someone_elses_account()
    {
        var mine = await App.OpenAsync(transactionsPerCard: 2);
        var theirs = await App.OpenAsync(transactionsPerCard: 2);
        var (me, _) = await App.NewCardholderAsync(Password, mine);
        await App.NewCardholderAsync(Password, theirs);
        var client = App.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(me, Password);

        var html = await client.GetStringAsync("/accounts", Cancel);

        Assert.Contains($"Card ending {mine.CardNumbers[0][^4..]}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"Card ending {theirs.CardNumbers[0][^4..]}", html, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.CardAccountId.ToString("N"), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_card_not_yet_activated_Then_only_that_card_offers_a_link_to_activate_it_naming_its_last_four()
    {
        var account = await App.OpenAsync();
        // Last fours that differ, so each card's section can be told apart.
        var number = TestCards.NewCardNumber();
        while (number[^4..] == account.CardNumbers[0][^4..])
        {
            number = TestCards.NewCardNumber();
        }

        var replacement = await App.IssueReplacementAsync(account, number);
        var (me, _) = await App.NewCardholderAsync(Password, account);
        var client = App.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(me, Password);

        var html = await client.GetStringAsync("/accounts", Cancel);

        var issued = CardSection(html, replacement.CardNumber[^4..]);
        var active = CardSection(html, account.CardNumbers[0][^4..]);
        Assert.Contains(
            $"<a class=\"link\" href=\"/activate\">Activate this card<span class=\"visually-hidden\"> ending {replacement.CardNumber[^4..]}</span></a>",
            issued, StringComparison.Ordinal);
        Assert.DoesNotContain("/activate", active, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(html, ">Activate this card<"));
    }

    [Fact]
    public async Task Given_a_payment_Then_the_activity_shows_it_received_in_the_credits_column_and_charges_in_the_charges_column_never_a_minus_amount()
    {
        var account = await App.OpenAsync();
        var paidAt = DateTime.UtcNow.AddDays(-3);
        await App.SendAsync(new PostCardTransaction(account.CardAccountId, account.CardIds[0], DateTime.UtcNow.AddDays(-1), "Hardware store", TransactionKind.Purchase, Money.FromDecimal(1_000m)));
        await App.SendAsync(new PostCardTransaction(account.CardAccountId, account.CardIds[0], paidAt, "Payment — thank you", TransactionKind.Payment, -Money.FromDecimal(400m)));
        var (me, _) = await App.NewCardholderAsync(Password, account);
        var client = App.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(me, Password);

        var html = await client.GetStringAsync("/accounts", Cancel);

        Assert.Contains("<th scope=\"col\" class=\"numeric\">Charges</th><th scope=\"col\" class=\"numeric\">Credits</th>", html, StringComparison.Ordinal);
        var rows = Regex.Matches(html, "<tr>\\s*<td class=\"table__date\".*?</tr>", RegexOptions.Singleline).Select(m => m.Value).ToList();
        Assert.Equal(2, rows.Count);
        var cells = rows.Select(row => Regex.Matches(row, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline).Select(m => m.Groups[1].Value.Trim()).ToList()).ToList();
        Assert.Equal(["Hardware store", "$1,000.00", ""], cells[0][1..]); // newest first
        var payment = cells[1];
        Assert.Equal(["Payment received", "", "$400.00"], payment[1..]);
        var date = paidAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var shown = paidAt.ToString("MMM d", CultureInfo.InvariantCulture);
        var year = paidAt.ToString("yyyy", CultureInfo.InvariantCulture);
        Assert.Equal($"<time datetime=\"{date}\">{shown}<span class=\"visually-hidden\">, {year}</span></time>", payment[0]);
        Assert.Contains("$600.00", html, StringComparison.Ordinal); // the balance
        Assert.DoesNotContain("-$", html, StringComparison.Ordinal);
        Assert.DoesNotContain("thank you", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_more_cards_Then_the_summary_costs_the_same_number_of_sql_commands_and_at_most_three_with_the_session()
    {
        var one = await App.OpenAsync(transactionsPerCard: 12);
        var (fewCards, _) = await App.NewCardholderAsync(Password, one);
        var many = new[]
        {
            await App.OpenAsync(cards: 3, transactionsPerCard: 12),
            await App.OpenAsync(cards: 2, transactionsPerCard: 12),
            await App.OpenAsync(product: BillCenter.Modules.Accounts.Contracts.Product.Platinum, transactionsPerCard: 12),
        };
        var (manyCards, _) = await App.NewCardholderAsync(Password, many);

        var (fewCommands, fewHtml) = await CommandsForSummary(fewCards);
        var (manyCommands, manyHtml) = await CommandsForSummary(manyCards);

        Assert.Equal(10, CountOf(fewHtml, "data-testid=\"transaction-date\""));
        Assert.Equal(60, CountOf(manyHtml, "data-testid=\"transaction-date\"")); // 6 cards, 10 latest each
        Assert.True(fewCommands > 0, "the SQL command counter saw the 1-card summary");
        Assert.True(manyCommands > 0, "the SQL command counter saw the 6-card summary");
        Assert.Equal(fewCommands, manyCommands);
        Assert.True(manyCommands <= 6, $"the summary page took {manyCommands} SQL commands; at most 6 (the session, 1 for the accounts, 1 for the previous sign-in, 1 for the header's unread notices, 2 for payments not yet posted and AutoPay)");
        TestContext.Current.SendDiagnosticMessage($"SQL commands for the summary page: {fewCommands} (1 card) and {manyCommands} (6 cards)");
    }

    private async Task<(int Commands, string Html)> CommandsForSummary(string userName)
    {
        var client = App.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(userName, Password);
        await client.GetStringAsync("/accounts", Cancel); // warm up: first-request work is not the page's cost
        var before = App.SqlCommands.Count;
        var html = await client.GetStringAsync("/accounts", Cancel);
        return (App.SqlCommands.Count - before, html);
    }

    private static string CardSection(string html, string last4)
    {
        var section = html[html.IndexOf($"data-testid=\"card-{last4}\"", StringComparison.Ordinal)..];
        return section[..section.IndexOf("</section>", StringComparison.Ordinal)];
    }

    private static int CountOf(string text, string value) =>
        (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}

public sealed class AccountSummaryTestsOnSqlite(SqliteFixture fixture) : AccountSummaryTests(fixture), IClassFixture<SqliteFixture>;

public sealed class AccountSummaryTestsOnPostgres(PostgresFixture fixture) : AccountSummaryTests(fixture), IClassFixture<PostgresFixture>;
