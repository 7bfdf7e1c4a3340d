using System.Text;
using System.Text.RegularExpressions;
using BillCenter.Host.DemoData;
using BillCenter.Modules.Accounts.Contracts;
using Microsoft.Data.Sqlite;

namespace BillCenter.IntegrationTests;

/// <summary>After real use (posting files uploaded too), no demo card number, card ID or password is anywhere in the SQLite file or the logs.</summary>
public sealed class DataAtRestTests : IAsyncLifetime
{
    private readonly BillCenterApp _app = new(TestDatabase.Sqlite, settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "true" });

    private static readonly (string Number, string? CardId)[] DemoCards =
    [
        (DemoData.GoldCardNumber, DemoData.GoldCardId),
        (DemoData.BlueCashCardNumber, DemoData.BlueCashCardId),
        (DemoData.UnenrolledCardNumber, DemoData.UnenrolledCardId),
        (DemoData.CorporateCardNumber, null),
        (DemoData.CancelledCardNumber, DemoData.CancelledCardId),
        (DemoData.NewCardNumber, DemoData.NewCardId),
        (DemoData.ReplacementCardNumber, DemoData.ReplacementCardId),
    ];

    public async ValueTask InitializeAsync()
    {
        // Use the app the way cardholders and other modules do: sign in, read the summary, check cards.
        var client = _app.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoData.CardholderUserId, DemoData.CardholderPassword);
        await client.GetStringAsync("/accounts", TestContext.Current.CancellationToken);
        await client.SignInAsync(DemoData.AdminUserId, "a wrong password entirely");
        foreach (var (number, cardId) in DemoCards)
        {
            await client.SubmitFormAsync("/sign-in", new Dictionary<string, string> { ["Data.UserName"] = number, ["Data.Password"] = cardId ?? "0000" });
            if (cardId is not null)
            {
                await _app.SendAsync(new VerifyCardId(TestCards.Parse(number), TestCards.ParseCardId(cardId)));
                await _app.SendAsync(new VerifyCardId(TestCards.Parse(number), TestCards.ParseCardId(TestCards.WrongCardId(cardId))));
            }
        }

        await _app.SendAsync(new VerifyBillingAddress(TestCards.Parse(DemoData.CorporateCardNumber), DemoData.CorporateStreet, TestCards.Zip(DemoData.CorporateZip)));

        // The card journeys, as a cardholder does them on the embedded default: activate, then enroll.
        await _app.CreateBrowserLikeClient().ActivateAsync(DemoData.NewCardNumber, DemoData.NewCardId);
        await client.ActivateAsync(DemoData.ReplacementCardNumber, DemoData.ReplacementCardId);
        await EnrollAsync(DemoData.UnenrolledCardNumber, DemoData.UnenrolledCardId, "jordan.lee@example.com");

        // Recovery of the cancelled Platinum Card's online account by billing address, with a new password.
        await RecoverAsync();

        await UploadPostingFilesAsync();
    }

    /// <summary>The processor's posting file with every demo card, as an admin uploads it: once refused for a bad line, then posted.</summary>
    private async Task UploadPostingFilesAsync()
    {
        var admin = _app.CreateBrowserLikeClient();
        await admin.SignInAsAdminOrFailAsync(_app, "/admin/postings");
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var lines = DemoCards.Select((card, i) => PostingFiles.Line(card.Number, yesterday, "Corner Grocery", "5411", 1m + i, PostingFiles.NewReference())).ToList();
        var refused = await admin.UploadPostingFileAsync("postings.csv", PostingFiles.Csv([.. lines, $"{DemoData.GoldCardNumber},{yesterday:yyyy-MM-dd},Corner Grocery,5411,1.999,{PostingFiles.NewReference()}"]));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var posted = await admin.UploadPostingFileAsync("postings.csv", PostingFiles.Csv(lines));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
    }

    private async Task RecoverAsync()
    {
        var client = _app.CreateBrowserLikeClient();
        await client.SubmitFormAsync("/recover", new Dictionary<string, string> { ["Data.Need"] = "Both" });
        await client.SubmitFormAsync("/recover/address", new Dictionary<string, string>
        {
            ["Data.CardNumber"] = DemoData.CancelledCardNumber,
            ["Data.Street"] = DemoData.CancelledStreet,
            ["Data.Zip"] = DemoData.CancelledZip,
        });
        var sent = await client.SubmitFormAsync("/recover/send-code", new Dictionary<string, string> { ["Data.Channel"] = "Email" });
        Assert.Equal("/recover/code", sent.Headers.Location?.OriginalString);
        var mail = await PickupFolder.WaitForAsync(PickupFolder.Of(_app), "sam.rivera@example.com");
        _recoveryCode = mail.Where(SecurityCodes.IsIn).Select(SecurityCodes.In).First();
        var code = await client.SubmitFormAsync("/recover/code", new Dictionary<string, string> { ["Data.Code"] = _recoveryCode });
        Assert.Equal("/recover/user-id", code.Headers.Location?.OriginalString);
        var done = await client.SubmitFormAsync("/recover/password", new Dictionary<string, string> { ["Data.Password"] = RecoveryPassword });
        Assert.Equal("/recover/done", done.Headers.Location?.OriginalString);
        await _app.CreateBrowserLikeClient().SignInOrFailAsync(DemoData.PlatinumUserId, RecoveryPassword);
    }

    private const string RecoveryPassword = "saffron glacier mosaic 26";

    private string _recoveryCode = string.Empty;

    private async Task EnrollAsync(string number, string cardId, string email)
    {
        var client = _app.CreateBrowserLikeClient();
        await client.SubmitFormAsync("/enroll", new Dictionary<string, string> { ["Data.Path"] = "CardWithCardId" });
        await client.SubmitFormAsync("/enroll/card", new Dictionary<string, string> { ["Data.CardNumber"] = number, ["Data.CardId"] = cardId });
        var sent = await client.SubmitFormAsync("/enroll/send-code", new Dictionary<string, string> { ["Data.Channel"] = "Email" });
        Assert.Equal("/enroll/code", sent.Headers.Location?.OriginalString);

        // The embedded default writes mail to the pickup folder.
        var mail = await PickupFolder.WaitForAsync(PickupFolder.Of(_app), email);
        var code = mail.Where(SecurityCodes.IsIn).Select(SecurityCodes.In).FirstOrDefault();
        Assert.NotNull(code);
        await client.SubmitFormAsync("/enroll/code", new Dictionary<string, string> { ["Data.Code"] = code });
        await client.SubmitFormAsync("/enroll/credentials", new Dictionary<string, string> { ["Data.UserName"] = "jordan.lee", ["Data.Password"] = EnrollPassword });
        var done = await client.SubmitFormAsync("/enroll/check", new Dictionary<string, string>());
        Assert.Equal("/enroll/done", done.Headers.Location?.OriginalString);
    }

    private const string EnrollPassword = "north river candle 88";

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Given_the_sqlite_file_Then_no_demo_card_number_appears_in_it()
    {
        var bytes = await ReadDatabaseFilesAsync();
        Assert.True(bytes.Length > 100_000, "the database holds the seeded data");

        foreach (var (number, _) in DemoCards)
        {
            var digits = number.Replace(" ", string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain(digits, Latin1(bytes), StringComparison.Ordinal);
            Assert.DoesNotContain(number, Latin1(bytes), StringComparison.Ordinal);
            Assert.DoesNotContain(digits, Encoding.Unicode.GetString(bytes), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Given_every_column_of_every_table_Then_no_value_is_or_contains_a_demo_card_ID_or_number()
    {
        await using var connection = new SqliteConnection($"Data Source={_app.SqliteFile};Mode=ReadOnly");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var columns = new List<(string Table, string Column)>();
        await using (var tables = connection.CreateCommand())
        {
            tables.CommandText = "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'";
            await using var reader = await tables.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.Contains(columns, c => c.Table == "cards" && c.Column == "CardIdVerifier");
        var secrets = DemoCards.SelectMany(c => new[] { c.Number.Replace(" ", string.Empty, StringComparison.Ordinal), c.CardId }).OfType<string>()
            .Append(RecoveryPassword).ToList();
        foreach (var (table, column) in columns)
        {
            foreach (var secret in secrets)
            {
                await using var query = connection.CreateCommand();
                query.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE CAST(\"{column}\" AS TEXT) = $secret OR (length($secret) > 4 AND instr(CAST(\"{column}\" AS TEXT), $secret) > 0)";
                query.Parameters.AddWithValue("$secret", secret);
                var found = (long)(await query.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
                Assert.True(found == 0, $"{table}.{column} holds a demo card number or card ID in clear");
            }
        }
    }

    [Fact]
    public void Given_the_logs_of_the_run_Then_no_card_number_card_ID_or_password_appears()
    {
        var logs = _app.Logs.AllText;
        Assert.Contains("A user signed in", logs, StringComparison.Ordinal); // the capture really saw the app's logs

        foreach (var (number, cardId) in DemoCards)
        {
            Assert.DoesNotContain(number.Replace(" ", string.Empty, StringComparison.Ordinal), logs, StringComparison.Ordinal);
            Assert.DoesNotContain(number, logs, StringComparison.Ordinal);
            if (cardId is not null)
            {
                // A card ID is four digits: as a value of its own, not as part of an id, a time or another number
                // (a random GUID such as "…-7315-…" or a time such as "07.7315" must not make this fail by chance).
                Assert.DoesNotMatch(new Regex($"(?<![\\w.:-]){cardId}(?![\\w.:-])"), logs);
            }
        }

        Assert.DoesNotContain(DemoData.CardholderPassword, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoData.AdminPassword, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("a wrong password entirely", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(EnrollPassword, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(RecoveryPassword, logs, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex($"(?<![\\w.:-]){_recoveryCode}(?![\\w.:-])"), logs);
    }

    private async Task<byte[]> ReadDatabaseFilesAsync()
    {
        using var all = new MemoryStream();
        foreach (var file in Directory.GetFiles(_app.DataFolder, "billcenter.db*"))
        {
            // Shared read: the app still has the file open.
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            await stream.CopyToAsync(all, TestContext.Current.CancellationToken);
        }

        return all.ToArray();
    }

    private static string Latin1(byte[] bytes) => Encoding.Latin1.GetString(bytes);
}
