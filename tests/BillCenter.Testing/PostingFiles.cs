using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace BillCenter.Testing;

/// <summary>Posting files (the processor's CSV of posted transactions) as a test writes them, and their upload at /admin/postings.</summary>
public static class PostingFiles
{
    public const string Header = "card_number,posted_date,description,merchant_category,amount,reference";

    /// <summary>A fresh reference, unique across test runs sharing a database.</summary>
    public static string NewReference() => "T" + Guid.NewGuid().ToString("N")[..20].ToUpperInvariant();

    /// <summary>One line: a positive amount is a purchase, a negative one a credit.</summary>
    public static string Line(string cardNumber, DateOnly postedOn, string description, string? merchantCategory, decimal amount, string reference) =>
        string.Create(CultureInfo.InvariantCulture, $"{cardNumber},{postedOn:yyyy-MM-dd},{description},{merchantCategory},{amount:0.00},{reference}");

    /// <summary>The header, then the lines, each ended by CR LF as the processor sends them.</summary>
    public static string Csv(IEnumerable<string> lines) => string.Concat(new[] { Header }.Concat(lines).Select(l => l + "\r\n"));

    /// <summary>GETs the upload form (for its antiforgery token), then POSTs the file as a browser does.</summary>
    public static async Task<HttpResponseMessage> UploadPostingFileAsync(this HttpClient client, string fileName, string csv)
    {
        ArgumentNullException.ThrowIfNull(client);
        var form = await client.GetStringAsync("/admin/postings", TestContext.Current.CancellationToken);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(BillCenterApp.AntiforgeryToken(form)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "Data.File", fileName);
        return await client.PostAsync("/admin/postings", content, TestContext.Current.CancellationToken);
    }
}
