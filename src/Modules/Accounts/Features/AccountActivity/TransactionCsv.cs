using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace BillCenter.Modules.Accounts.Features.AccountActivity;

/// <summary>
/// The CSV download of a statement's or the activity search's entries (columns documented in the README, "Statement and
/// activity downloads"): date, card_last4, description, merchant_category, kind, amount, reference. Rows are written as
/// they are read, never gathered first.
/// </summary>
internal static class TransactionCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly string[] Columns = ["date", "card_last4", "description", "merchant_category", "kind", "amount", "reference"];

    // Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first: merchants choose their descriptions) gets a
    // leading apostrophe; numbers are written as numbers, so a credit's "-25.00" stays a number.
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    /// <summary>Answers the request with the CSV as a download named <paramref name="fileName"/>, rows sent as they are read.</summary>
    public static async Task SendAsync(HttpResponse response, string fileName, IAsyncEnumerable<TransactionLine> lines, Func<Guid?, string?> last4Of, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.ContentType = ContentType;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
        await WriteAsync(response.Body, lines, last4Of, cancellationToken);
    }

    /// <summary>Writes the header and one row per entry to <paramref name="body"/>, asynchronously (a response body allows no synchronous writes).</summary>
    public static async Task WriteAsync(Stream body, IAsyncEnumerable<TransactionLine> lines, Func<Guid?, string?> last4Of, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(last4Of);
        await using var csv = CsvWriter.Create(body, Options, leaveOpen: true);
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }

        await csv.EndRecordAsync(cancellationToken);
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            csv.WriteField(line.PostedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField(last4Of(line.CardId) ?? string.Empty);
            csv.WriteField(line.ShownDescription);
            csv.WriteField(line.MerchantCategory ?? string.Empty);
            csv.WriteField(line.Kind.ToString().ToLowerInvariant());
            csv.WriteField(line.Amount.Amount, "0.00");
            csv.WriteField(line.Reference ?? string.Empty);
            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}
