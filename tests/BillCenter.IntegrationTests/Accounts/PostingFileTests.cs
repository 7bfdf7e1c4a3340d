using System.Text.RegularExpressions;
using BillCenter.Host.DemoData;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.Modules.Accounts.Jobs;
using BillCenter.SharedKernel.Money;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.IntegrationTests;

/// <summary>
/// An admin uploads the processor's posting file at /admin/postings: a good file posts every line once through
/// PostCardTransaction and moves balances; the same file again posts nothing; a file with a bad line posts nothing and
/// says which line and why; a large file is posted by the job in batches; card numbers are never kept or logged.
/// </summary>
public abstract partial class PostingFileTests(AppFixture fixture)
{
    private BillCenterApp App => fixture.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateOnly Yesterday => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);

    [GeneratedRegex(@"/admin/postings\?upload=([0-9a-f-]{36})$")]
    private static partial Regex UploadAddress();

    [Fact]
    public async Task Given_a_good_file_Then_every_line_is_posted_once_to_its_card_and_the_balances_move()
    {
        var first = await App.OpenAsync();
        var second = await App.OpenAsync();
        var references = Enumerable.Range(0, 3).Select(_ => PostingFiles.NewReference()).ToList();
        var csv = PostingFiles.Csv(
        [
            PostingFiles.Line(first.CardNumbers[0], Yesterday, "Corner Grocery", "5411", 42.10m, references[0]),
            PostingFiles.Line(Spaced(second.CardNumbers[0]), Yesterday.AddDays(-1), "Airline Tickets", null, 310.00m, references[1]),
            PostingFiles.Line(first.CardNumbers[0], Yesterday, "Refund: Corner Grocery", "5411", -2.10m, references[2]),
        ]);
        var client = await AdminAsync();

        var response = await client.UploadPostingFileAsync("postings-good.csv", csv);

        var uploadId = UploadIdOf(response);
        var upload = await UploadAsync(uploadId);
        Assert.Equal(PostingUploadStatus.Posted, upload!.Status);
        Assert.Equal((3, 3, 0), (upload.RowCount, upload.PostedCount, upload.SkippedCount));
        Assert.Equal("postings-good.csv", upload.FileName);
        Assert.Equal(DemoData.AdminUserId, upload.UploadedBy);
        Assert.NotNull(upload.CompletedAt);
        Assert.Equal(0, await RowCountAsync(uploadId)); // the file's data is not kept once posted

        var entries = await EntriesAsync(references);
        Assert.Equal(3, entries.Count);
        var grocery = entries.Single(e => e.Reference == references[0]);
        Assert.Equal((first.CardAccountId, first.CardIds[0]), (grocery.CardAccountId, grocery.CardId!.Value));
        Assert.Equal(TransactionKind.Purchase, grocery.Kind);
        Assert.Equal(Money.FromDecimal(42.10m), grocery.Amount);
        Assert.Equal("5411", grocery.MerchantCategory);
        Assert.Equal(Yesterday.ToDateTime(new TimeOnly(12, 0)), grocery.PostedAt);
        var airline = entries.Single(e => e.Reference == references[1]);
        Assert.Equal(second.CardIds[0], airline.CardId);
        Assert.Null(airline.MerchantCategory);
        var refund = entries.Single(e => e.Reference == references[2]);
        Assert.Equal(TransactionKind.Credit, refund.Kind);
        Assert.Equal(Money.FromDecimal(-2.10m), refund.Amount);
        Assert.Equal(Money.FromDecimal(40.00m), await BalanceAsync(first.CardAccountId));
        Assert.Equal(Money.FromDecimal(310.00m), await BalanceAsync(second.CardAccountId));

        var page = await client.GetStringAsync(response.Headers.Location!.OriginalString, Cancel);
        Assert.Contains("Posted: 3 of 3 lines posted, 0 already on the ledger.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"refresh\"", page, StringComparison.Ordinal);
        Assert.Contains("postings-good.csv", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_the_same_file_uploaded_twice_Then_the_second_upload_posts_nothing_and_skips_every_line()
    {
        var account = await App.OpenAsync();
        var references = Enumerable.Range(0, 4).Select(_ => PostingFiles.NewReference()).ToList();
        var csv = PostingFiles.Csv(references.Select((r, i) => PostingFiles.Line(account.CardNumbers[0], Yesterday, $"Shop {i}", "5999", 10m + i, r)));
        var client = await AdminAsync();
        var first = await UploadAsync(UploadIdOf(await client.UploadPostingFileAsync("day.csv", csv)));
        var balance = await BalanceAsync(account.CardAccountId);

        var response = await client.UploadPostingFileAsync("day.csv", csv);

        var second = await UploadAsync(UploadIdOf(response));
        Assert.Equal((4, 4, 0), (first!.RowCount, first.PostedCount, first.SkippedCount));
        Assert.Equal((4, 0, 4), (second!.RowCount, second.PostedCount, second.SkippedCount));
        Assert.Equal(PostingUploadStatus.Posted, second.Status);
        Assert.Equal(4, (await EntriesAsync(references)).Count);
        Assert.Equal(balance, await BalanceAsync(account.CardAccountId));
        Assert.Equal(Money.FromDecimal(46m), balance);
        var page = await client.GetStringAsync(response.Headers.Location!.OriginalString, Cancel);
        Assert.Contains("Posted: 0 of 4 lines posted, 4 already on the ledger.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_file_with_a_bad_line_Then_the_page_names_the_line_and_the_reason_and_nothing_is_posted_or_saved()
    {
        var account = await App.OpenAsync();
        var unknown = TestCards.NewCardNumber();
        var references = Enumerable.Range(0, 3).Select(_ => PostingFiles.NewReference()).ToList();
        var csv = PostingFiles.Csv(
        [
            PostingFiles.Line(account.CardNumbers[0], Yesterday, "Corner Grocery", "5411", 12.00m, references[0]),
            PostingFiles.Line(unknown, Yesterday, "Corner Grocery", "5411", 13.00m, references[1]),
            PostingFiles.Line(account.CardNumbers[0], Yesterday, "Corner Grocery", "5411", 14.00m, references[2]),
        ]);
        var client = await AdminAsync();
        var uploadsBefore = await UploadCountAsync();

        var response = await client.UploadPostingFileAsync("postings.csv", csv);

        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Error: Posting files", html, StringComparison.Ordinal);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Data_File\">Line 3: the card number is not one we issued</a>", html, StringComparison.Ordinal);
        Assert.Contains("Nothing was posted: a line of the file has a problem.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(unknown, html, StringComparison.Ordinal);
        Assert.DoesNotContain(account.CardNumbers[0], html, StringComparison.Ordinal);
        Assert.Equal(uploadsBefore, await UploadCountAsync());
        Assert.Empty(await EntriesAsync(references));
        Assert.Equal(Money.Zero, await BalanceAsync(account.CardAccountId));
        Assert.DoesNotContain(unknown, App.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_file_with_many_bad_lines_Then_each_is_listed_with_its_reason_up_to_twenty_and_the_rest_counted()
    {
        var account = await App.OpenAsync();
        var duplicate = PostingFiles.NewReference();
        var lines = new List<string>
        {
            PostingFiles.Line(account.CardNumbers[0], Yesterday, "Shop", "5411", 1m, duplicate),
            PostingFiles.Line(account.CardNumbers[0], Yesterday, "Shop", "5411", 1m, duplicate),
            $"{account.CardNumbers[0]},{Yesterday.AddDays(2):yyyy-MM-dd},Shop,5411,1.00,{PostingFiles.NewReference()}",
            $"{account.CardNumbers[0]},{Yesterday:yyyy-MM-dd},Shop,541,1.00,{PostingFiles.NewReference()}",
            $"{account.CardNumbers[0]},{Yesterday:yyyy-MM-dd},Shop,5411,0.00,{PostingFiles.NewReference()}",
            $"{account.CardNumbers[0]},{Yesterday:yyyy-MM-dd},Shop,5411,1.00",
            $"{account.CardNumbers[0]},{Yesterday:yyyy-MM-dd},\"Sho\"p,5411,1.00,{PostingFiles.NewReference()}",
        };
        lines.AddRange(Enumerable.Range(0, 20).Select(_ => $"{account.CardNumbers[0]},{Yesterday:yyyy-MM-dd},,5411,1.00,{PostingFiles.NewReference()}"));
        var client = await AdminAsync();

        var response = await client.UploadPostingFileAsync("postings.csv", PostingFiles.Csv(lines));

        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nothing was posted: 26 lines of the file have problems.", html, StringComparison.Ordinal);
        Assert.Contains("Line 3: the reference is already used on line 2", html, StringComparison.Ordinal);
        Assert.Contains("Line 4: the posted date is in the future", html, StringComparison.Ordinal);
        Assert.Contains("Line 5: the merchant category must be 4 digits, or left empty", html, StringComparison.Ordinal);
        Assert.Contains("Line 6: the amount must not be zero", html, StringComparison.Ordinal);
        Assert.Contains("Line 7: the line must have 6 values separated by commas, like the header", html, StringComparison.Ordinal);
        Assert.Contains("Line 8: a double quote is out of place", html, StringComparison.Ordinal);
        Assert.Contains("Line 9: the description is missing", html, StringComparison.Ordinal);
        Assert.Contains("Line 22: the description is missing", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Line 23:", html, StringComparison.Ordinal);
        Assert.Contains("And 6 more lines with problems", html, StringComparison.Ordinal);
        Assert.DoesNotContain(account.CardNumbers[0], html, StringComparison.Ordinal);
        Assert.DoesNotContain(account.CardNumbers[0], App.Logs.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postings.csv", "", "The selected file is empty")]
    [InlineData("postings.txt", PostingFiles.Header + "\r\n", "The selected file must be a CSV file (.csv)")]
    [InlineData("postings.csv", "cardnumber,date,amount\r\n", "Line 1: the first line must be the header card_number,posted_date,description,merchant_category,amount,reference")]
    [InlineData("postings.csv", PostingFiles.Header + "\r\n", "Line 2: the file holds no postings under its header")]
    public async Task Given_a_file_that_is_not_a_posting_file_Then_it_is_refused_with_the_reason(string fileName, string content, string message)
    {
        var client = await AdminAsync();
        var uploadsBefore = await UploadCountAsync();

        var response = await client.UploadPostingFileAsync(fileName, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(uploadsBefore, await UploadCountAsync());
    }

    [Fact]
    public async Task Given_no_file_chosen_Then_the_form_asks_for_one()
    {
        var client = await AdminAsync();
        var form = await client.GetStringAsync("/admin/postings", Cancel);
        using var content = new MultipartFormDataContent { { new StringContent(BillCenterApp.AntiforgeryToken(form)), "__RequestVerificationToken" } };

        var response = await client.PostAsync("/admin/postings", content, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<a href=\"#Data_File\">Select a posting file</a>", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_large_file_Then_the_job_posts_it_in_batches_resuming_where_it_stopped_and_a_second_run_changes_nothing()
    {
        const int lines = 2_000;
        var account = await App.OpenAsync(cards: 2);
        var references = Enumerable.Range(0, lines).Select(_ => PostingFiles.NewReference()).ToList();
        var csv = PostingFiles.Csv(references.Select((r, i) => PostingFiles.Line(account.CardNumbers[i % 2], Yesterday, $"Shop {i}", "5999", 1.25m, r)));
        var client = await AdminAsync();

        var response = await client.UploadPostingFileAsync("big.csv", csv);

        var uploadId = UploadIdOf(response);
        var queued = await UploadAsync(uploadId);
        Assert.Equal((PostingUploadStatus.Queued, lines, 0), (queued!.Status, queued.RowCount, queued.PostedCount));
        Assert.Contains(App.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 1_000),
            job => job.Value.Job.Type == typeof(PostUpload) && job.Value.Job.Args[0] is Guid id && id == uploadId);
        var waiting = await client.GetStringAsync(response.Headers.Location!.OriginalString, Cancel);
        Assert.Contains("Waiting to post: 0 of 2,000 lines done so far.", waiting, StringComparison.Ordinal);

        // One batch, then the job stops (a crash, a deploy): the page shows how far it got.
        Assert.True(await RunJobAsync(job => job.PostBatchAsync(uploadId, Cancel)));
        var partway = await UploadAsync(uploadId);
        Assert.Equal((PostingUploadStatus.Posting, PostUpload.BatchSize, 0), (partway!.Status, partway.PostedCount, partway.SkippedCount));
        Assert.Equal(lines - PostUpload.BatchSize, await RowCountAsync(uploadId, done: false));
        await AssertNoCardNumberInUploadRowsAsync(uploadId, account.CardNumbers);
        var progress = await client.GetStringAsync(response.Headers.Location!.OriginalString, Cancel);
        Assert.Contains("Posting: 500 of 2,000 lines done so far.", progress, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"refresh\"", progress, StringComparison.Ordinal);

        await RunJobAsync(job => job.RunAsync(uploadId, Cancel));
        await RunJobAsync(job => job.RunAsync(uploadId, Cancel)); // at least once: a second run finds nothing to do

        var posted = await UploadAsync(uploadId);
        Assert.Equal((PostingUploadStatus.Posted, lines, 0), (posted!.Status, posted.PostedCount, posted.SkippedCount));
        Assert.Equal(0, await RowCountAsync(uploadId));
        Assert.Equal(lines, (await EntriesAsync(references)).Count);
        Assert.Equal(Money.FromDecimal(lines * 1.25m), await BalanceAsync(account.CardAccountId));
        Assert.DoesNotContain(account.CardNumbers[0], App.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(account.CardNumbers[1], App.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_reference_posted_after_the_upload_was_checked_Then_the_job_skips_that_line()
    {
        const int lines = PostUpload.BatchSize + 1;
        var account = await App.OpenAsync();
        var references = Enumerable.Range(0, lines).Select(_ => PostingFiles.NewReference()).ToList();
        var csv = PostingFiles.Csv(references.Select((r, i) => PostingFiles.Line(account.CardNumbers[0], Yesterday, $"Shop {i}", null, 2m, r)));
        var client = await AdminAsync();
        var uploadId = UploadIdOf(await client.UploadPostingFileAsync("big.csv", csv));

        // Posted meanwhile under the same reference (another upload of the file, on another instance).
        await App.SendAsync(new PostCardTransaction(account.CardAccountId, account.CardIds[0], DateTime.UtcNow, "Shop 7", TransactionKind.Purchase, Money.FromDecimal(2m), references[7]));
        await RunJobAsync(job => job.RunAsync(uploadId, Cancel));

        var posted = await UploadAsync(uploadId);
        Assert.Equal((PostingUploadStatus.Posted, lines - 1, 1), (posted!.Status, posted.PostedCount, posted.SkippedCount));
        Assert.Equal(Money.FromDecimal(lines * 2m), await BalanceAsync(account.CardAccountId));
    }

    [Fact]
    public async Task Given_a_cardholder_or_an_anonymous_visitor_Then_the_postings_page_and_its_upload_are_refused()
    {
        var anonymous = App.CreateBrowserLikeClient();
        var anonymousGet = await anonymous.GetAsync("/admin/postings", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, anonymousGet.StatusCode);
        Assert.StartsWith("https://localhost/sign-in?returnUrl=%2Fadmin%2Fpostings", anonymousGet.Headers.Location?.ToString(), StringComparison.Ordinal);

        var cardholder = App.CreateBrowserLikeClient();
        await cardholder.SignInOrFailAsync(DemoData.CardholderUserId, DemoData.CardholderPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await cardholder.GetAsync("/admin/postings", Cancel)).StatusCode);
        var token = BillCenterApp.AntiforgeryToken(await cardholder.GetStringAsync("/preferences", Cancel));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(PostingFiles.Header + "\r\n"), "Data.File", "postings.csv" },
        };
        var uploadsBefore = await UploadCountAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await cardholder.PostAsync("/admin/postings", content, Cancel)).StatusCode);
        Assert.Equal(uploadsBefore, await UploadCountAsync());
    }

    [Fact]
    public async Task Given_an_admin_Then_the_page_lists_the_latest_uploads_and_an_unknown_upload_shows_none()
    {
        var account = await App.OpenAsync();
        var client = await AdminAsync();
        var fileName = $"listed-{Guid.NewGuid():N}.csv";
        await client.UploadPostingFileAsync(fileName, PostingFiles.Csv([PostingFiles.Line(account.CardNumbers[0], Yesterday, "Shop", null, 3m, PostingFiles.NewReference())]));

        var unknown = await client.GetAsync($"/admin/postings?upload={Guid.NewGuid()}", Cancel);
        var malformed = await client.GetAsync("/admin/postings?upload=not-an-id", Cancel);

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, malformed.StatusCode);
        var html = await unknown.Content.ReadAsStringAsync(Cancel);
        Assert.Contains(fileName, html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"upload-status\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Error:", await malformed.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    private static string Spaced(string number) => $"{number[..4]} {number[4..10]} {number[10..]}";

    private async Task<HttpClient> AdminAsync()
    {
        var client = App.CreateBrowserLikeClient();
        await client.SignInAsAdminOrFailAsync(App, "/admin/postings");
        return client;
    }

    private static Guid UploadIdOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var match = UploadAddress().Match(response.Headers.Location?.OriginalString ?? string.Empty);
        Assert.True(match.Success, $"redirected to {response.Headers.Location}");
        return Guid.Parse(match.Groups[1].Value);
    }

    private async Task<bool> RunJobAsync(Func<PostUpload, Task<bool>> run)
    {
        var result = false;
        await App.WithScopeAsync(async services => result = await run(services.GetRequiredService<PostUpload>()));
        return result;
    }

    private Task RunJobAsync(Func<PostUpload, Task> run) =>
        App.WithScopeAsync(services => run(services.GetRequiredService<PostUpload>()));

    private async Task<T> QueryAsync<T>(Func<AccountsDbContext, Task<T>> query)
    {
        T result = default!;
        await App.WithScopeAsync(async services => result = await query(services.GetRequiredService<AccountsDbContext>()));
        return result;
    }

    private Task<PostingUpload?> UploadAsync(Guid id) =>
        QueryAsync(db => db.PostingUploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, Cancel));

    private Task<int> UploadCountAsync() => QueryAsync(db => db.PostingUploads.CountAsync(Cancel));

    private Task<int> RowCountAsync(Guid uploadId, bool? done = null) =>
        QueryAsync(db => db.PostingUploadRows.CountAsync(r => r.UploadId == uploadId && (done == null || r.Done == done), Cancel));

    private Task<List<CardTransaction>> EntriesAsync(IReadOnlyList<string> references) =>
        QueryAsync(db => db.Transactions.AsNoTracking().Where(t => t.Reference != null && references.Contains(t.Reference)).ToListAsync(Cancel));

    private Task<Money> BalanceAsync(Guid cardAccountId) =>
        QueryAsync(db => db.CardAccounts.AsNoTracking().Where(a => a.Id == cardAccountId).Select(a => a.Balance).SingleAsync(Cancel));

    /// <summary>Every stored value of the upload's waiting rows, and of the upload, holds no card number (a fingerprint instead).</summary>
    private async Task AssertNoCardNumberInUploadRowsAsync(Guid uploadId, IReadOnlyList<string> cardNumbers)
    {
        var rows = await QueryAsync(db => db.PostingUploadRows.AsNoTracking().Where(r => r.UploadId == uploadId).ToListAsync(Cancel));
        var upload = await UploadAsync(uploadId);
        Assert.NotEmpty(rows);
        var stored = string.Join('\n', rows.SelectMany(r => new[] { r.CardFingerprint, r.Description, r.MerchantCategory, r.Reference }).Append(upload!.FileName).Append(upload.UploadedBy));
        foreach (var number in cardNumbers)
        {
            Assert.DoesNotContain(number, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(number[^8..], stored, StringComparison.Ordinal);
        }

        Assert.All(rows, r => Assert.Matches("^[0-9a-f]{64}$", r.CardFingerprint));
    }
}

public sealed class PostingFileTestsOnSqlite(SqliteFixture fixture) : PostingFileTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostingFileTestsOnPostgres(PostgresFixture fixture) : PostingFileTests(fixture), IClassFixture<PostgresFixture>;
