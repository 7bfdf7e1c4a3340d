using System.Text;
using System.Text.RegularExpressions;
using BillCenter.Host.DemoData;

namespace BillCenter.BrowserTests;

/// <summary>
/// An admin uploads the processor's posting file: one bad line is refused with its line number (and nothing posted),
/// the corrected file is posted, and the same file uploaded again posts nothing twice.
/// </summary>
public sealed class PostingFileUploadTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_a_file_with_a_bad_line_Then_it_is_refused_with_the_line_and_the_corrected_file_is_posted_once_though_uploaded_twice(bool javaScript)
    {
        await browser.StartAsync();
        // The theory's cases share one app: each posts references of its own.
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var references = Enumerable.Range(0, 3).Select(_ => PostingFiles.NewReference()).ToList();
        var gold = DemoData.GoldCardNumber.Replace(" ", string.Empty, StringComparison.Ordinal);
        var blueCash = DemoData.BlueCashCardNumber.Replace(" ", string.Empty, StringComparison.Ordinal);
        string File(string secondCard) => PostingFiles.Csv(
        [
            PostingFiles.Line(gold, yesterday, "Corner Grocery", "5411", 23.45m, references[0]),
            PostingFiles.Line(secondCard, yesterday, "Airline Tickets", "4511", 410.00m, references[1]),
            PostingFiles.Line(gold, yesterday, "Refund: Corner Grocery", "5411", -3.45m, references[2]),
        ]);
        var page = await browser.NewPageAsync(javaScript);

        await browser.SignInAsAdminAsync(page, "/admin/postings");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/postings$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Posting files", Level = 1 })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page);

        await UploadAsync(page, "postings-bad.csv", File(TestCards.NewCardNumber()));

        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" });
        await Assertions.Expect(summary).ToContainTextAsync("Nothing was posted: a line of the file has a problem.");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Line 3: the card number is not one we issued" })).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Posting files"));
        await Assertions.Expect(page.GetByText("postings-bad.csv")).ToHaveCountAsync(0); // nothing saved, so not among the uploads
        await browser.AssertAccessibleAsync(page);

        await UploadAsync(page, "postings.csv", File(blueCash));

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/admin/postings\?upload=[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByTestId("upload-status")).ToHaveTextAsync("Posted: 3 of 3 lines posted, 0 already on the ledger.");
        await Assertions.Expect(page.GetByTestId("posted-count")).ToHaveTextAsync("3");
        await browser.AssertAccessibleAsync(page);

        await UploadAsync(page, "postings.csv", File(blueCash));

        await Assertions.Expect(page.GetByTestId("upload-status")).ToHaveTextAsync("Posted: 0 of 3 lines posted, 3 already on the ledger.");
        await Assertions.Expect(page.GetByTestId("skipped-count")).ToHaveTextAsync("3");
        var uploads = page.GetByRole(AriaRole.Table, new() { Name = "Posting files uploaded, newest first" });
        await Assertions.Expect(uploads.GetByRole(AriaRole.Row).Filter(new() { HasText = "postings.csv" }).First).ToContainTextAsync("Posted");
        await browser.AssertAccessibleAsync(page);
        Assert.DoesNotContain(gold, await page.ContentAsync(), StringComparison.Ordinal);
    }

    private static async Task UploadAsync(IPage page, string name, string csv)
    {
        await page.GetByLabel("Posting file", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and post" }).ClickAsync();
    }
}
