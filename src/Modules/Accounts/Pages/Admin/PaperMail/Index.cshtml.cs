using System.Globalization;
using BillCenter.Modules.Accounts.Data;
using BillCenter.SharedKernel.Money;
using BillCenter.SharedKernel.Security;
using CsvHelper;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace BillCenter.Modules.Accounts.Pages.Admin.PaperMail;

/// <summary>
/// Paper statements for the print vendor: how many wait, an export that takes the waiting ones (oldest first, at most
/// <see cref="MaxPerExport"/>) and marks them exported in one UPDATE, and each export's CSV to download again.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const int MaxPerExport = 50_000;

    internal static readonly string[] Columns =
        ["statement_number", "period_end", "holder_name", "address_line1", "address_line2", "city", "state", "zip", "new_balance", "minimum_due", "due_date"];

    internal Overview Summary { get; private set; } = new(0, null, []);

    /// <summary>The export just made (ticks of its time), to offer its download.</summary>
    [BindProperty(SupportsGet = true, Name = "exported")]
    public long? JustExported { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Summary = await mediator.Send(new GetOverview(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var export = await mediator.Send(new ExportWaiting(), cancellationToken);
        return export.Count == 0 ? RedirectToPage() : RedirectToPage(new { exported = export.At.Ticks });
    }

    /// <summary>The CSV of one export, streamed (it may hold tens of thousands of statements).</summary>
    public async Task<IActionResult> OnGetCsvAsync(long export, CancellationToken cancellationToken)
    {
        var at = new DateTime(Math.Clamp(export, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
        var rows = await mediator.Send(new GetExport(at), cancellationToken);
        if (rows is null)
        {
            return NotFound();
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = string.Create(CultureInfo.InvariantCulture, $"paper-statements-{at:yyyyMMdd-HHmmss}.csv"),
        }.ToString();
        await using var csv = CsvWriter.Create(Response.Body, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }

        await csv.EndRecordAsync(cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            csv.WriteField(row.Number);
            csv.WriteField(row.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField(row.HolderName);
            csv.WriteField(row.Line1);
            csv.WriteField(row.Line2 ?? string.Empty);
            csv.WriteField(row.City);
            csv.WriteField(row.State);
            csv.WriteField(row.Zip);
            csv.WriteField(row.NewBalance.Amount, "0.00");
            csv.WriteField(row.MinimumDue.Amount, "0.00");
            csv.WriteField(row.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
        return new EmptyResult();
    }

    internal sealed record ExportSummary(DateTime At, int Count)
    {
        public long Key => At.Ticks;
    }

    internal sealed record Overview(int Waiting, DateTime? OldestWaiting, IReadOnlyList<ExportSummary> RecentExports);

    internal sealed record MailRow(
        string Number, DateOnly PeriodEnd, string HolderName, string Line1, string? Line2, string City, string State, string Zip, Money NewBalance, Money MinimumDue, DateOnly DueDate);

    internal sealed record GetOverview : IRequest<Overview>;

    internal sealed record ExportWaiting : IRequest<ExportSummary>;

    /// <summary>The rows of the export made at <paramref name="At"/>, or null when there was none.</summary>
    internal sealed record GetExport(DateTime At) : IRequest<IAsyncEnumerable<MailRow>?>;

    internal sealed class Handler(AccountsDbContext db, TimeProvider time)
        : IRequestHandler<GetOverview, Overview>, IRequestHandler<ExportWaiting, ExportSummary>, IRequestHandler<GetExport, IAsyncEnumerable<MailRow>?>
    {
        public async Task<Overview> Handle(GetOverview request, CancellationToken cancellationToken)
        {
            var waiting = db.PaperMail.Where(m => m.ExportedAt == null);
            var count = await waiting.CountAsync(cancellationToken);
            var oldest = count == 0 ? null : await waiting.MinAsync(m => (DateTime?)m.CreatedAt, cancellationToken);
            var exports = await db.PaperMail.Where(m => m.ExportedAt != null)
                .GroupBy(m => m.ExportedAt).Select(g => new { At = g.Key, Count = g.Count() })
                .OrderByDescending(e => e.At).Take(10).ToListAsync(cancellationToken);
            return new Overview(count, oldest, [.. exports.Select(e => new ExportSummary(e.At!.Value, e.Count))]);
        }

        /// <summary>
        /// Marks the waiting statements exported, oldest first, in one UPDATE: two admins exporting at once each get
        /// their own statements, never the same one. The time is whole milliseconds, so it names the export exactly on either database.
        /// </summary>
        public async Task<ExportSummary> Handle(ExportWaiting request, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var at = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
            var ids = db.PaperMail.Where(m => m.ExportedAt == null).OrderBy(m => m.CreatedAt).Take(MaxPerExport).Select(m => m.Id);
            var count = await db.PaperMail.Where(m => ids.Contains(m.Id) && m.ExportedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ExportedAt, at), cancellationToken);
            return new ExportSummary(at, count);
        }

        public async Task<IAsyncEnumerable<MailRow>?> Handle(GetExport request, CancellationToken cancellationToken)
        {
            if (!await db.PaperMail.AnyAsync(m => m.ExportedAt == request.At, cancellationToken))
            {
                return null;
            }

            return db.PaperMail.AsNoTracking().Where(m => m.ExportedAt == request.At)
                .Join(db.Statements, m => m.StatementId, s => s.Id, (m, s) => new MailRow(
                    s.Number, s.PeriodEnd, m.HolderName, m.Address.Line1, m.Address.Line2, m.Address.City, m.Address.State, m.Address.Zip, s.ClosingBalance, s.MinimumDue, s.DueDate))
                .AsAsyncEnumerable();
        }
    }
}
