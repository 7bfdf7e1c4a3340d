using System.Globalization;
using System.Text.RegularExpressions;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.SharedKernel.Money;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace BillCenter.IntegrationTests;

/// <summary>The statements list, a statement's page and its CSV and PDF downloads, and that only the account's own user sees them.</summary>
public abstract class StatementPagesTests(AppFixture fixture)
{
    private const string Password = "harbor willow quartz 71";

    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A cardholder with two cards and one closed statement: purchases on both cards, a payment, a fee and interest.</summary>
    private async Task<(TestAccount Account, string UserName, Guid StatementId, DateOnly PeriodEnd)> HolderWithStatementAsync()
    {
        var account = await App.OpenAsync(cards: 2);
        var periodEnd = NextPeriodEnd();
        var day = periodEnd.AddDays(-10).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        await Post(account, account.CardIds[0], day, "Corner Grocery", TransactionKind.Purchase, 123.45m, "5411");
        await Post(account, account.CardIds[0], day.AddDays(1), "=HYPERLINK(\"http://evil.example\")", TransactionKind.Purchase, 10m);
        await Post(account, account.CardIds[1], day.AddDays(2), "Fuel Stop", TransactionKind.Purchase, 56.78m, "5541");
        await Post(account, null, day.AddDays(3), "Payment — thank you", TransactionKind.Payment, -50m);
        await Post(account, null, day.AddDays(4), "Annual fee", TransactionKind.Fee, 95m);
        await Post(account, null, day.AddDays(5), "Interest charge on purchases", TransactionKind.Interest, 4.21m);
        var statementId = await App.SendAsync(new CloseStatement(account.CardAccountId, periodEnd));
        var (userName, _) = await App.NewCardholderAsync(Password, account);
        return (account, userName, statementId, periodEnd);
    }

    /// <summary>A first statement closing two months ago (a new account's first close is where it starts its cycles).</summary>
    private static DateOnly NextPeriodEnd() => DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-2);

    private async Task<List<Statement>> StatementsAsync(Guid cardAccountId)
    {
        var statements = new List<Statement>();
        await App.WithScopeAsync(async services => statements = await services.GetRequiredService<AccountsDbContext>().Statements.AsNoTracking()
            .Where(s => s.CardAccountId == cardAccountId).ToListAsync(Cancel));
        return statements;
    }

    private Task<Guid> Post(TestAccount account, Guid? cardId, DateTime at, string description, TransactionKind kind, decimal amount, string? merchantCategory = null) =>
        App.SendAsync(new PostCardTransaction(account.CardAccountId, cardId, at, description, kind, Money.FromDecimal(amount), MerchantCategory: merchantCategory));

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = App.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(userName, Password);
        return client;
    }

    [Fact]
    public async Task Given_statements_of_the_last_24_months_and_older_Then_the_list_shows_the_recent_ones_newest_first_with_their_figures_and_links()
    {
        var account = await App.OpenAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var oldest = new DateOnly(today.Year, today.Month, 10).AddMonths(-26);
        var newestEnd = new DateOnly(today.Year, today.Month, 10).AddMonths(-1);
        await Post(account, account.CardIds[0], oldest.AddDays(-3).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), "Bookshop", TransactionKind.Purchase, 40m);
        await App.SendAsync(new CloseStatement(account.CardAccountId, oldest));
        await Post(account, account.CardIds[0], newestEnd.AddDays(-3).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), "Bookshop", TransactionKind.Purchase, 40m);
        await App.SendAsync(new CloseStatement(account.CardAccountId, newestEnd)); // every monthly cycle from the oldest to this one
        var all = await StatementsAsync(account.CardAccountId);
        var recent = all.Where(s => s.PeriodEnd >= today.AddMonths(-24)).OrderByDescending(s => s.PeriodEnd).ToList();
        Assert.Equal(26, all.Count);

        var (me, _) = await App.NewCardholderAsync(Password, account);
        var client = await SignedInAsync(me);

        var overview = await client.GetStringAsync("/accounts", Cancel);
        Assert.Contains($"href=\"/accounts/{account.CardAccountId}/statements\"", overview, StringComparison.Ordinal);
        Assert.Contains($"href=\"/accounts/{account.CardAccountId}/activity\"", overview, StringComparison.Ordinal);

        var response = await client.GetAsync($"/accounts/{account.CardAccountId}/statements", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore == true);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        var rows = Regex.Matches(html, "<tr data-testid=\"statement-(?<number>[^\"]+)\">(?<row>.*?)</tr>", RegexOptions.Singleline).ToList();
        Assert.Equal(recent.Select(s => s.Number), rows.Select(r => r.Groups["number"].Value)); // newest first; the older ones are left out
        Assert.InRange(rows.Count, 23, 24);
        var newest = WebUtility.HtmlDecode(rows[0].Groups["row"].Value);
        Assert.Contains(recent[0].ClosingBalance.ToString(), newest, StringComparison.Ordinal); // $80 of purchases, then months of interest and late fees
        Assert.Contains(recent[0].MinimumDue.ToString(), newest, StringComparison.Ordinal);
        Assert.Contains(StatementCycle.DueDate(newestEnd).ToString("MMM d, yyyy", CultureInfo.InvariantCulture), newest, StringComparison.Ordinal);
        Assert.Matches($"<a class=\"link\" href=\"/accounts/{account.CardAccountId}/statement/[0-9a-f-]{{36}}\">Statement for [A-Z][a-z]{{2}} \\d{{1,2}}(, \\d{{4}})? – [A-Z][a-z]{{2}} \\d{{1,2}}, \\d{{4}}</a>", newest);
        Assert.Contains("<caption", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_statement_Then_its_page_shows_the_summary_the_late_payment_warning_and_every_entry_grouped_by_card()
    {
        var (account, me, statementId, periodEnd) = await HolderWithStatementAsync();
        var client = await SignedInAsync(me);

        var html = await client.GetStringAsync($"/accounts/{account.CardAccountId}/statement/{statementId}", Cancel);

        Assert.Equal("$0.00", TestId(html, "previous-balance"));
        Assert.Equal("-$50.00", TestId(html, "payments-and-credits"));
        Assert.Equal("$190.23", TestId(html, "purchases"));
        Assert.Equal("$95.00", TestId(html, "fees"));
        Assert.Equal("$4.21", TestId(html, "interest"));
        Assert.Equal("$239.44", TestId(html, "new-balance"));
        Assert.Equal("$101.60", TestId(html, "minimum-due")); // 1% + fees and interest
        var due = StatementCycle.DueDate(periodEnd).ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
        Assert.Equal(due, TestId(html, "due-date"));
        Assert.Contains($"If we do not receive your minimum payment of $101.60 by {due}, you may have to pay a late fee of up to $35.00.", html, StringComparison.Ordinal);

        var first = $"Card ending {account.CardNumbers[0][^4..]}";
        var second = $"Card ending {account.CardNumbers[1][^4..]}";
        var headings = Regex.Matches(html, "<h3 class=\"heading-m\" id=\"[^\"]+\">([^<]+)</h3>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal([first, second, "Account"], headings);
        Assert.Equal(3, Regex.Matches(html, "<caption class=\"table__caption\"").Count);
        Assert.Equal(["$133.45", "$56.78", "$49.21"], Regex.Matches(html, "data-testid=\"group-total\">([^<]+)<").Select(m => m.Groups[1].Value));
        Assert.Equal(6, Regex.Matches(html, "data-testid=\"transaction\"").Count);
        Assert.Contains("Payment received", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/accounts/" + account.CardAccountId + "/statement/" + statementId + "?handler=Csv\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/accounts/" + account.CardAccountId + "/statement/" + statementId + "?handler=Pdf\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_statement_Then_its_CSV_has_the_documented_columns_one_row_per_entry_and_totals_equal_to_the_page()
    {
        var (account, me, statementId, _) = await HolderWithStatementAsync();
        var client = await SignedInAsync(me);
        var html = await client.GetStringAsync($"/accounts/{account.CardAccountId}/statement/{statementId}", Cancel);
        var number = TestId(html, "statement-number");

        var response = await client.GetAsync($"/accounts/{account.CardAccountId}/statement/{statementId}?handler=Csv", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"statement-{number}.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.True(response.Headers.CacheControl?.NoStore == true);
        var rows = Csv.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(["date", "card_last4", "description", "merchant_category", "kind", "amount", "reference"], rows[0]);
        var entries = rows.Skip(1).ToList();
        Assert.Equal(Regex.Matches(html, "data-testid=\"transaction\"").Count, entries.Count);
        var sum = entries.Sum(r => decimal.Parse(r[5], CultureInfo.InvariantCulture));
        Assert.Equal(Amount(TestId(html, "new-balance")) - Amount(TestId(html, "previous-balance")), sum);
        Assert.Equal(Amount(TestId(html, "payments-and-credits")), entries.Where(r => decimal.Parse(r[5], CultureInfo.InvariantCulture) < 0).Sum(r => decimal.Parse(r[5], CultureInfo.InvariantCulture)));
        Assert.Equal(Amount(TestId(html, "purchases")), entries.Where(r => r[4] == "purchase").Sum(r => decimal.Parse(r[5], CultureInfo.InvariantCulture)));
        Assert.Equal(Amount(TestId(html, "fees")), entries.Where(r => r[4] == "fee").Sum(r => decimal.Parse(r[5], CultureInfo.InvariantCulture)));
        Assert.Equal(Amount(TestId(html, "interest")), entries.Where(r => r[4] == "interest").Sum(r => decimal.Parse(r[5], CultureInfo.InvariantCulture)));
        var grocery = Assert.Single(entries, r => r[2] == "Corner Grocery");
        Assert.Equal(account.CardNumbers[0][^4..], grocery[1]);
        Assert.Equal("5411", grocery[3]);
        Assert.Equal("123.45", grocery[5]);
        Assert.Equal(string.Empty, Assert.Single(entries, r => r[4] == "fee")[1]); // an account-level entry names no card
        Assert.Equal("-50.00", Assert.Single(entries, r => r[4] == "payment")[5]);
        // A description that a spreadsheet would run as a formula is written as text.
        Assert.Contains(entries, r => r[2] == "'=HYPERLINK(\"http://evil.example\")");
    }

    [Fact]
    public async Task Given_a_statement_Then_its_PDF_is_tagged_in_US_English_with_its_title_and_holds_the_totals_as_text()
    {
        var (account, me, statementId, periodEnd) = await HolderWithStatementAsync();
        var client = await SignedInAsync(me);
        var html = await client.GetStringAsync($"/accounts/{account.CardAccountId}/statement/{statementId}", Cancel);
        var number = TestId(html, "statement-number");

        var response = await client.GetAsync($"/accounts/{account.CardAccountId}/statement/{statementId}?handler=Pdf", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"statement-{number}.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.True(response.Headers.CacheControl?.NoStore == true);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Cancel));
        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains($"Statement {number}", text, StringComparison.Ordinal);
        foreach (var figure in new[] { "$239.44", "$101.60", "-$50.00", "$190.23", "$95.00", "$4.21", "$133.45", "$56.78" })
        {
            Assert.Contains(figure, text, StringComparison.Ordinal);
        }

        Assert.Contains(StatementCycle.DueDate(periodEnd).ToString("MMMM d, yyyy", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Contains("Corner Grocery", text, StringComparison.Ordinal);
        Assert.Contains("late fee of up to $35.00", text, StringComparison.Ordinal);
        Assert.StartsWith($"Statement {number}", pdf.Information.Title, StringComparison.Ordinal);

        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Assert.Equal("en-US", Assert.IsType<StringToken>(Resolve(pdf, catalog.Data["Lang"])).Data);
        var markInfo = Assert.IsType<DictionaryToken>(Resolve(pdf, catalog.Data["MarkInfo"]));
        Assert.True(Assert.IsType<BooleanToken>(Resolve(pdf, markInfo.Data["Marked"])).Data);
        var structTree = Assert.IsType<DictionaryToken>(Resolve(pdf, catalog.Data["StructTreeRoot"]));
        Assert.True(structTree.Data.ContainsKey("K"), "the structure tree has elements");
        var viewer = Assert.IsType<DictionaryToken>(Resolve(pdf, catalog.Data["ViewerPreferences"]));
        Assert.True(Assert.IsType<BooleanToken>(Resolve(pdf, viewer.Data["DisplayDocTitle"])).Data);
        var tags = StructureTags(pdf, structTree).ToList();
        foreach (var tag in new[] { "Document", "H1", "H2", "Table", "TR", "TH", "TD", "P" })
        {
            Assert.Contains(tag, tags);
        }
    }

    [Fact]
    public async Task Given_another_users_account_or_statement_Then_every_statement_and_activity_address_answers_404()
    {
        var (mine, me, myStatement, _) = await HolderWithStatementAsync();
        var (theirs, _, theirStatement, _) = await HolderWithStatementAsync();
        var client = await SignedInAsync(me);

        // Mine, to be sure the addresses work; then theirs, and their statement under my account.
        var own = new[]
        {
            $"/accounts/{mine.CardAccountId}/statements",
            $"/accounts/{mine.CardAccountId}/statement/{myStatement}",
            $"/accounts/{mine.CardAccountId}/statement/{myStatement}?handler=Csv",
            $"/accounts/{mine.CardAccountId}/statement/{myStatement}?handler=Pdf",
            $"/accounts/{mine.CardAccountId}/activity",
            $"/accounts/{mine.CardAccountId}/activity?handler=Csv",
        };
        foreach (var path in own)
        {
            Assert.True((await client.GetAsync(path, Cancel)).StatusCode == HttpStatusCode.OK, path);
        }

        var foreign = new[]
        {
            $"/accounts/{theirs.CardAccountId}/statements",
            $"/accounts/{theirs.CardAccountId}/statement/{theirStatement}",
            $"/accounts/{theirs.CardAccountId}/statement/{theirStatement}?handler=Csv",
            $"/accounts/{theirs.CardAccountId}/statement/{theirStatement}?handler=Pdf",
            $"/accounts/{mine.CardAccountId}/statement/{theirStatement}",
            $"/accounts/{mine.CardAccountId}/statement/{theirStatement}?handler=Csv",
            $"/accounts/{mine.CardAccountId}/statement/{theirStatement}?handler=Pdf",
            $"/accounts/{theirs.CardAccountId}/statement/{myStatement}",
            $"/accounts/{theirs.CardAccountId}/activity",
            $"/accounts/{theirs.CardAccountId}/activity?handler=Csv",
            $"/accounts/{theirs.CardAccountId}/activity?Text=Grocery&After=not-a-cursor",
            $"/accounts/{Guid.NewGuid()}/statements",
            $"/accounts/{mine.CardAccountId}/statement/{Guid.NewGuid()}",
        };
        foreach (var path in foreign)
        {
            var response = await client.GetAsync(path, Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync(Cancel);
            Assert.DoesNotContain("Corner Grocery", body, StringComparison.Ordinal);
            Assert.DoesNotContain(theirs.CardNumbers[0][^4..], body, StringComparison.Ordinal);
        }
    }

    private static string TestId(string html, string id) =>
        Regex.Match(html, $"data-testid=\"{id}\">([^<]*)<").Groups[1].Value.Trim();

    private static decimal Amount(string shown) =>
        decimal.Parse(shown.Replace("$", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static IToken Resolve(PdfDocument pdf, IToken token) =>
        token is IndirectReferenceToken reference ? pdf.Structure.GetObject(reference.Data).Data : token;

    /// <summary>The structure types (S) of every element under the structure tree root.</summary>
    private static IEnumerable<string> StructureTags(PdfDocument pdf, DictionaryToken element)
    {
        if (element.Data.TryGetValue("S", out var type) && Resolve(pdf, type) is NameToken name)
        {
            yield return name.Data;
        }

        if (!element.Data.TryGetValue("K", out var kids))
        {
            yield break;
        }

        var children = Resolve(pdf, kids) switch
        {
            ArrayToken array => array.Data.Select(k => Resolve(pdf, k)),
            var single => [single],
        };
        foreach (var child in children.OfType<DictionaryToken>())
        {
            foreach (var tag in StructureTags(pdf, child))
            {
                yield return tag;
            }
        }
    }
}

public sealed class StatementPagesTestsOnSqlite(SqliteFixtureWithoutDemoData fixture) : StatementPagesTests(fixture), IClassFixture<SqliteFixtureWithoutDemoData>;

public sealed class StatementPagesTestsOnPostgres(PostgresFixtureWithoutDemoData fixture) : StatementPagesTests(fixture), IClassFixture<PostgresFixtureWithoutDemoData>;
