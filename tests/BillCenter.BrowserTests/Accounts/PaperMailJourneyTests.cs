using System.Text.RegularExpressions;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Preferences.Contracts;
using BillCenter.Modules.Preferences.Data;
using BillCenter.Modules.Preferences.Domain;
using BillCenter.SharedKernel.Money;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.BrowserTests;

/// <summary>An admin exports the paper statements the statement run wrote and downloads the file for the print vendor.</summary>
public sealed class PaperMailJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Password = "copper kettle morning 83";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_paper_statement_closed_Then_an_admin_exports_it_and_downloads_the_csv(bool javaScript)
    {
        var holder = await browser.OpenLinkedHolderAsync(Password);
        await browser.App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PreferencesDbContext>();
            db.Add(new StatementDelivery { CardAccountId = holder.CardAccountId, Method = StatementDeliveryMethod.Paper, ChosenAt = DateTime.UtcNow, ChosenBy = "test" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        var periodEnd = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-2);
        await browser.App.SendAsync(new PostCardTransaction(holder.CardAccountId, holder.CardId, periodEnd.AddDays(-4).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
            "Harbor Hardware", TransactionKind.Purchase, Money.FromDecimal(88.10m)));
        await browser.App.SendAsync(new CloseStatement(holder.CardAccountId, periodEnd));
        var page = await browser.NewPageAsync(javaScript);

        await browser.SignInAsAdminAsync(page, "/admin/paper-mail");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Paper statements", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("waiting")).ToHaveTextAsync("1");
        await browser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Export 1 waiting statement" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 statement exported.");
        await Assertions.Expect(page.GetByTestId("none-waiting")).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the CSV of this export" }).ClickAsync());
        Assert.Matches(new Regex(@"^paper-statements-\d{8}-\d{6}\.csv$"), download.SuggestedFilename);
        var lines = (await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("statement_number,period_end,holder_name,address_line1,address_line2,city,state,zip,new_balance,minimum_due,due_date", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.Contains($",{periodEnd:yyyy-MM-dd},", row, StringComparison.Ordinal);
        Assert.Contains(",88.10,35.00,", row, StringComparison.Ordinal);
    }
}
