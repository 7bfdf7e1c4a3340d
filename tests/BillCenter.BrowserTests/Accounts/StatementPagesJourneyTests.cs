using System.Globalization;
using System.Text.RegularExpressions;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.SharedKernel.Money;

namespace BillCenter.BrowserTests;

/// <summary>The app without the demo data: these journeys open their own accounts.</summary>
public sealed class StatementPagesBrowserFixture : BrowserFixture
{
    protected override IReadOnlyDictionary<string, string?>? Settings { get; } = new Dictionary<string, string?> { ["Database:SeedDemoData"] = "false" };
}

/// <summary>Statements and activity in Chromium, with JavaScript on and off and an axe scan of every page: list, detail, downloads, search and paging.</summary>
public sealed class StatementPagesJourneyTests(StatementPagesBrowserFixture browser) : IClassFixture<StatementPagesBrowserFixture>
{
    private const string Password = "lagoon pepper atlas 84";

    private static int s_months;

    private Task<Guid> Post(LinkedHolder holder, Guid? cardId, DateTime at, string description, decimal amount, TransactionKind kind = TransactionKind.Purchase) =>
        browser.App.SendAsync(new PostCardTransaction(holder.CardAccountId, cardId, at, description, kind, Money.FromDecimal(amount)));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_closed_statement_When_the_cardholder_opens_it_from_the_accounts_page_Then_its_CSV_and_PDF_download(bool javaScript)
    {
        var holder = await browser.OpenLinkedHolderAsync(Password);
        var cardId = holder.CardId;
        // The account's first statement, closed months ago: its cycles start there.
        var periodEnd = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-(2 + Interlocked.Increment(ref s_months)));
        var day = periodEnd.AddDays(-8).ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc);
        await Post(holder, cardId, day, "Lakeside Books", 42.50m);
        await Post(holder, null, day.AddDays(1), "Payment — thank you", -20m, TransactionKind.Payment);
        await browser.App.SendAsync(new CloseStatement(holder.CardAccountId, periodEnd));
        var page = await browser.SignedInPageAsync(holder, javaScript);
        await page.GotoAsync("/accounts");

        await page.GetByRole(AriaRole.Link, new() { Name = "Statements for Gold Card" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Statements");
        var statements = page.GetByRole(AriaRole.Table, new() { Name = "Statements for Gold Card" });
        await Assertions.Expect(statements.Locator("tbody tr")).ToHaveCountAsync(1);
        var link = statements.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Statement for ") });
        var period = await link.InnerTextAsync();
        await link.ClickAsync();

        await browser.ExpectPageAsync(page, period);
        await Assertions.Expect(page.GetByTestId("new-balance")).ToHaveTextAsync("$22.50");
        await Assertions.Expect(page.GetByTestId("late-payment-warning")).ToContainTextAsync("you may have to pay a late fee of up to $35.00");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex($"^Transactions: Card ending {holder.Last4}") })).ToContainTextAsync("Lakeside Books");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Transactions: Account") })).ToContainTextAsync("Payment received");
        var number = await page.GetByTestId("statement-number").InnerTextAsync();

        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = $"Download CSV of statement {number}" }).ClickAsync());
        Assert.Equal($"statement-{number}.csv", csv.SuggestedFilename);
        var lines = (await File.ReadAllTextAsync(await csv.PathAsync(), TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("date,card_last4,description,merchant_category,kind,amount,reference", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains($"{holder.Last4},Lakeside Books,,purchase,42.50", StringComparison.Ordinal));

        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = $"Download PDF of statement {number}" }).ClickAsync());
        Assert.Equal($"statement-{number}.pdf", pdf.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await pdf.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));

        // Downloads leave the page where it was.
        await browser.ExpectPageAsync(page, period);
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to statements" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Statements");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_activity_When_the_cardholder_searches_with_each_filter_and_pages_Then_the_right_transactions_show(bool javaScript)
    {
        var holder = await browser.OpenLinkedHolderAsync(Password);
        var cardId = holder.CardId;
        var start = DateTime.UtcNow.Date.AddDays(-90).AddHours(11);
        for (var i = 0; i < 55; i++)
        {
            await Post(holder, cardId, start.AddHours(i), $"Market {i:D2}", 10m + i);
        }

        await Post(holder, cardId, start.AddDays(20), "Harbor Coffee Roasters", 4.75m);
        await Post(holder, cardId, start.AddDays(30), "Garden Center", 180m);
        await Post(holder, null, start.AddDays(40), "Payment — thank you", -100m, TransactionKind.Payment);
        var page = await browser.SignedInPageAsync(holder, javaScript);
        await page.GotoAsync("/accounts");

        await page.GetByRole(AriaRole.Link, new() { Name = "Activity on Gold Card" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Activity");
        var rows = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Transactions") }).Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(50);
        await Assertions.Expect(rows.First).ToContainTextAsync("Payment received");

        await page.GetByRole(AriaRole.Link, new() { Name = "Older transactions" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Activity");
        await Assertions.Expect(rows).ToHaveCountAsync(8);
        await Assertions.Expect(rows.Last).ToContainTextAsync("Market 00");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Older transactions" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Newer transactions" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Activity");
        await Assertions.Expect(rows).ToHaveCountAsync(50);
        await Assertions.Expect(rows.First).ToContainTextAsync("Payment received");

        await Search(page, text: "coffee");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Harbor Coffee Roasters");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("Text=coffee")); // a bookmarkable search

        await Search(page, min: "150", max: "200");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Garden Center");

        var day = start.AddDays(40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Search(page, from: day, to: day);
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Payment received");

        await Search(page, text: "market 5", card: $"Card ending {holder.Last4}");
        await Assertions.Expect(rows).ToHaveCountAsync(5);
        await Assertions.Expect(rows.First).ToContainTextAsync("Market 54");

        var export = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV of every transaction matching the search" }).ClickAsync());
        Assert.Equal("activity.csv", export.SuggestedFilename);
        Assert.Equal(6, (await File.ReadAllTextAsync(await export.PathAsync(), TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        await Search(page, min: "ten dollars");
        await Assertions.Expect(page).ToHaveTitleAsync("Error: Activity – BillCenter");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Enter the smallest amount in dollars and cents, for example 25 or 25.50" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Clear the search" }).ClickAsync();
        await browser.ExpectPageAsync(page, "Activity");
        await Assertions.Expect(rows).ToHaveCountAsync(50);
    }

    /// <summary>Fills the search form (empty fields cleared) and submits it, then checks the page that answers.</summary>
    private async Task Search(IPage page, string from = "", string to = "", string min = "", string max = "", string text = "", string? card = null)
    {
        await page.GetByLabel("From date").FillAsync(from);
        await page.GetByLabel("To date").FillAsync(to);
        await page.GetByLabel("Smallest amount").FillAsync(min);
        await page.GetByLabel("Largest amount").FillAsync(max);
        await page.GetByLabel("Merchant or description").FillAsync(text);
        await page.GetByLabel("Card", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = card ?? "All cards" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Activity", Level = 1 })).ToBeVisibleAsync();
        if (!min.Contains("dollars", StringComparison.Ordinal))
        {
            await browser.ExpectPageAsync(page, "Activity");
        }
    }
}
