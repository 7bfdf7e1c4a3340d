using System.Globalization;
using System.Text.RegularExpressions;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.SharedKernel.Money;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.IntegrationTests;

/// <summary>The activity search: each filter, keyset paging that new postings do not shift, field errors for bad input, and the CSV export.</summary>
public abstract class ActivityPageTests(AppFixture fixture)
{
    private const string Password = "meadow copper signal 26";

    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly DateTime Start = DateTime.UtcNow.Date.AddDays(-200).AddHours(10);

    private Task<Guid> Post(TestAccount account, int card, DateTime at, string description, decimal amount, TransactionKind kind = TransactionKind.Purchase) =>
        App.SendAsync(new PostCardTransaction(account.CardAccountId, account.CardIds[card], at, description, kind, Money.FromDecimal(amount)));

    private async Task<HttpClient> SignedInAsync(TestAccount account)
    {
        var (me, _) = await App.NewCardholderAsync(Password, account);
        var client = App.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(me, Password);
        return client;
    }

    [Fact]
    public async Task Given_120_entries_Then_pages_of_50_newest_first_walk_them_all_once_even_when_a_new_entry_posts_between_pages()
    {
        var account = await App.OpenAsync();
        var expected = new List<string>();
        for (var i = 0; i < 120; i++)
        {
            // Every fifth pair shares its instant: the id breaks the tie, so no entry is repeated or skipped.
            var at = Start.AddHours(i - (i % 10 == 1 ? 1 : 0));
            await Post(account, 0, at, $"Shop {i:D3}", 10m + i);
        }

        var client = await SignedInAsync(account);
        var path = $"/accounts/{account.CardAccountId}/activity";

        var first = await client.GetStringAsync(path, Cancel);
        var page1 = Descriptions(first);
        Assert.Equal(50, page1.Count);
        Assert.Equal("Shop 119", page1[0]);
        Assert.Null(Link(first, "Newer transactions"));
        Assert.Null(Link(first, "First page (newest)"));

        await Post(account, 0, DateTime.UtcNow, "Posted meanwhile", 1m);

        var second = await client.GetStringAsync(Link(first, "Older transactions")!, Cancel);
        var page2 = Descriptions(second);
        var third = await client.GetStringAsync(Link(second, "Older transactions")!, Cancel);
        var page3 = Descriptions(third);
        Assert.Equal(50, page2.Count);
        Assert.Equal(20, page3.Count);
        Assert.Null(Link(third, "Older transactions"));
        var all = page1.Concat(page2).Concat(page3).ToList();
        Assert.Equal(120, all.Distinct().Count());
        Assert.DoesNotContain("Posted meanwhile", all);
        // Newest first, ties broken the same way every time.
        Assert.Equal(all, await AllNewestFirstAsync(account));

        var back = await client.GetStringAsync(Link(third, "Newer transactions")!, Cancel);
        Assert.Equal(page2, Descriptions(back));
        var top = await client.GetStringAsync(Link(third, "First page (newest)")!, Cancel);
        Assert.Equal("Posted meanwhile", Descriptions(top)[0]);

        // A tampered position is the first page, never an error.
        foreach (var cursor in new[] { "junk", "123", "99999999999999999999-abc", "-1-00000000000000000000000000000000", "5-zz" })
        {
            var response = await client.GetAsync($"{path}?After={Uri.EscapeDataString(cursor)}", Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Posted meanwhile", Descriptions(await response.Content.ReadAsStringAsync(Cancel))[0]);
        }
    }

    [Fact]
    public async Task Given_each_filter_Then_only_matching_entries_are_shown_and_the_CSV_export_holds_exactly_them()
    {
        var account = await App.OpenAsync(cards: 2);
        await Post(account, 0, Start, "Blue Bottle COFFEE", 4.50m);
        await Post(account, 0, Start.AddDays(10), "Hardware store", 25m);
        await Post(account, 1, Start.AddDays(20), "coffee cart", 3.25m);
        await Post(account, 1, Start.AddDays(30), "50% off sale", 30m);
        await Post(account, 0, Start.AddDays(40), "500 Widgets", 500m);
        await Post(account, 0, Start.AddDays(50), "snake_case books", 20m);
        await Post(account, 0, Start.AddDays(60), "Payment thank you", -100m, TransactionKind.Payment);
        var client = await SignedInAsync(account);
        var path = $"/accounts/{account.CardAccountId}/activity";
        string Day(int days) => Start.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var cases = new (string Query, string[] Expected)[]
        {
            ($"From={Day(10)}&To={Day(30)}", ["50% off sale", "coffee cart", "Hardware store"]),
            ("From=" + Start.AddDays(40).ToString("M/d/yyyy", CultureInfo.InvariantCulture), ["Payment received", "snake_case books", "500 Widgets"]),
            ("Min=20&Max=30", ["snake_case books", "50% off sale", "Hardware store"]),
            ("Max=-50", ["Payment received"]),
            ("Text=coffee", ["coffee cart", "Blue Bottle COFFEE"]),
            ("Text=50%25", ["50% off sale"]),
            ("Text=e_c", ["snake_case books"]),
            ($"Card={account.CardIds[1]}", ["50% off sale", "coffee cart"]),
            ($"Card={account.CardIds[0]}&Text=o&Min=5", ["snake_case books", "Hardware store"]),
        };
        foreach (var (query, shown) in cases)
        {
            var html = await client.GetStringAsync($"{path}?{query}", Cancel);
            Assert.True(shown.SequenceEqual(Descriptions(html)), $"{query}: {string.Join(", ", Descriptions(html))}");
            Assert.Contains("matching your search", html, StringComparison.Ordinal);

            var export = await client.GetAsync(System.Net.WebUtility.HtmlDecode(Link(html, "Download CSV")!), Cancel);
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
            var rows = Csv.Parse(await export.Content.ReadAsStringAsync(Cancel));
            Assert.Equal("date,card_last4,description,merchant_category,kind,amount,reference", string.Join(',', rows[0]));
            Assert.Equal(shown, rows.Skip(1).Select(r => r[2]));
        }
    }

    [Fact]
    public async Task Given_more_entries_than_a_page_Then_the_export_streams_every_entry_newest_first_with_totals_equal_to_the_entries()
    {
        var account = await App.OpenAsync(cards: 2);
        var total = 0m;
        for (var i = 0; i < 60; i++)
        {
            await Post(account, i % 2, Start.AddHours(i), $"Store {i:D2}", 1m + i);
            total += 1m + i;
        }

        var client = await SignedInAsync(account);

        var response = await client.GetAsync($"/accounts/{account.CardAccountId}/activity?handler=Csv", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore == true);
        Assert.Equal("activity.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var rows = Csv.Parse(await response.Content.ReadAsStringAsync(Cancel)).Skip(1).ToList();
        Assert.Equal(60, rows.Count);
        Assert.Equal("Store 59", rows[0][2]);
        Assert.Equal(account.CardNumbers[1][^4..], rows[0][1]);
        Assert.Equal(total, rows.Sum(r => decimal.Parse(r[5], CultureInfo.InvariantCulture)));
        Assert.Equal(Start.AddHours(59).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), rows[0][0]);
    }

    [Fact]
    public async Task Given_filter_input_that_does_not_parse_Then_each_field_says_why_in_an_error_summary_and_nothing_is_searched()
    {
        var account = await App.OpenAsync(transactionsPerCard: 2);
        var client = await SignedInAsync(account);
        var path = $"/accounts/{account.CardAccountId}/activity";

        var cases = new (string Query, string Field, string Message)[]
        {
            ("From=2026-13-45", "From", "Enter the start date as a real date, for example 2026-03-27"),
            ("To=yesterday", "To", "Enter the end date as a real date, for example 2026-03-27"),
            ("From=2026-03-10&To=2026-03-01", "To", "The end date must be the same as or after the start date"),
            ("Min=abc", "Min", "Enter the smallest amount in dollars and cents, for example 25 or 25.50"),
            ("Max=1.234", "Max", "Enter the largest amount in dollars and cents, for example 25 or 25.50"),
            ("Min=50&Max=10", "Max", "The largest amount must be the same as or more than the smallest amount"),
            ("Text=" + new string('x', 101), "Text", "Enter 100 characters or fewer to search for"),
            ($"Card={Guid.NewGuid()}", "Card", "Choose a card from the list, or all cards"),
            ("Card=<script>", "Card", "Choose a card from the list, or all cards"),
        };
        foreach (var (query, field, message) in cases)
        {
            foreach (var handler in new[] { string.Empty, "&handler=Csv" })
            {
                var response = await client.GetAsync($"{path}?{query}{handler}", Cancel);
                var html = await response.Content.ReadAsStringAsync(Cancel);

                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}{handler} answered {response.StatusCode}");
                Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
                Assert.Contains("<title>Error: Activity", html, StringComparison.Ordinal);
                Assert.Contains($"<a href=\"#{field}\">{System.Net.WebUtility.HtmlEncode(message)}</a>", html, StringComparison.Ordinal);
                Assert.Contains($"id=\"{field}-error\"", html, StringComparison.Ordinal);
                Assert.DoesNotContain("data-testid=\"activity\"", html, StringComparison.Ordinal);
                Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
            }
        }
    }

    private async Task<List<string>> AllNewestFirstAsync(TestAccount account)
    {
        var rows = new List<string>();
        await App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AccountsDbContext>();
            rows = await db.Transactions.Where(t => t.CardAccountId == account.CardAccountId && t.Description.StartsWith("Shop"))
                .OrderByDescending(t => t.PostedAt).ThenByDescending(t => t.Id).Select(t => t.Description).ToListAsync(Cancel);
        });
        return rows;
    }

    private static List<string> Descriptions(string html) =>
        [.. Regex.Matches(html, "data-testid=\"description\">([^<]*)<").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))];

    /// <summary>The address of the link whose text starts with <paramref name="text"/>; null when the page has none.</summary>
    private static string? Link(string html, string text)
    {
        var match = Regex.Match(html, $"<a [^>]*href=\"([^\"]+)\"[^>]*>{Regex.Escape(text)}");
        return match.Success ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }
}

public sealed class ActivityPageTestsOnSqlite(SqliteFixtureWithoutDemoData fixture) : ActivityPageTests(fixture), IClassFixture<SqliteFixtureWithoutDemoData>;

public sealed class ActivityPageTestsOnPostgres(PostgresFixtureWithoutDemoData fixture) : ActivityPageTests(fixture), IClassFixture<PostgresFixtureWithoutDemoData>;
