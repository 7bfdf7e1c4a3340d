using System.Globalization;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.Modules.Accounts.Features.PostingFiles;
using BillCenter.Modules.Accounts.Jobs;
using BillCenter.SharedKernel.Security;
using FluentValidation;
using Hangfire;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BillCenter.Modules.Accounts.Pages.Admin.Postings;

/// <summary>
/// Admins upload the processor's posting file (CSV): every line is checked before anything is saved, and a good file is
/// posted to the ledger (at once when small, by the <see cref="PostUpload"/> job when large) while this page shows how far it has got.
/// </summary>
[Authorize(Policy = Policies.Admin)]
[RequestSizeLimit(MaxRequestBytes)]
// The whole form is kept in memory, never buffered to a temporary file: the file holds card numbers in clear.
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes, MemoryBufferThreshold = MaxRequestBytes)]
public sealed partial class IndexModel(IMediator mediator) : PageModel
{
    public const int MaxFileBytes = 20 * 1024 * 1024;

    /// <summary>Line problems listed on the page; the rest are counted.</summary>
    public const int MaxProblemsShown = 20;

    /// <summary>A file a little over the limit still reaches the page, which says it is too large.</summary>
    private const int MaxRequestBytes = MaxFileBytes + (1024 * 1024);

    [BindProperty]
    public Command Data { get; set; } = new();

    /// <summary>The upload whose progress to show.</summary>
    [BindProperty(SupportsGet = true, Name = "upload")]
    public Guid? UploadId { get; set; }

    public PostingsOverview Overview { get; private set; } = new(null, []);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear(); // a malformed upload id in the address shows no upload rather than an error
        Overview = await mediator.Send(new GetPostings(UploadId), cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Overview = await mediator.Send(new GetPostings(null), cancellationToken);
        Data.UploadedBy = User.Identity?.Name ?? string.Empty;
        var outcome = await mediator.Send(Data, cancellationToken);
        if (outcome.UploadId is { } uploadId)
        {
            return RedirectToPage(new { upload = uploadId });
        }

        var problems = outcome.Problems;
        ModelState.AddModelError(FileField, problems.Count == 1
            ? "Nothing was posted: a line of the file has a problem. Correct it and upload the file again"
            : string.Create(CultureInfo.InvariantCulture, $"Nothing was posted: {problems.Count:N0} lines of the file have problems. Correct them and upload the file again"));
        foreach (var problem in problems.Take(MaxProblemsShown))
        {
            ModelState.AddModelError(FileField, problem);
        }

        if (problems.Count > MaxProblemsShown)
        {
            ModelState.AddModelError(FileField, string.Create(CultureInfo.InvariantCulture, $"And {problems.Count - MaxProblemsShown:N0} more lines with problems"));
        }

        return Page();
    }

    private static string FileField => $"{nameof(Data)}.{nameof(Command.File)}";

    /// <summary>One upload as the page shows it; <see cref="Status"/> in words ("Waiting to post", "Posting", "Posted").</summary>
    public sealed record UploadSummary(
        Guid Id, string FileName, string UploadedBy, DateTime UploadedAt, int RowCount, int PostedCount, int SkippedCount, string Status, bool IsPosted, DateTime? CompletedAt)
    {
        public int Remaining => RowCount - PostedCount - SkippedCount;

        internal static UploadSummary Of(PostingUpload upload) => new(
            upload.Id, upload.FileName, upload.UploadedBy, upload.UploadedAt, upload.RowCount, upload.PostedCount, upload.SkippedCount,
            upload.Status switch
            {
                PostingUploadStatus.Queued => "Waiting to post",
                PostingUploadStatus.Posting => "Posting",
                _ => "Posted",
            },
            upload.Status == PostingUploadStatus.Posted,
            upload.CompletedAt);
    }

    public sealed record PostingsOverview(UploadSummary? Selected, IReadOnlyList<UploadSummary> Recent);

    /// <summary>A good file's upload; or, when any line has a problem, every problem (and nothing saved).</summary>
    public sealed record UploadOutcome(Guid? UploadId, IReadOnlyList<string> Problems);

    /// <summary>The posting file as uploaded.</summary>
    public sealed class Command : IRequest<UploadOutcome>
    {
        public IFormFile? File { get; set; }

        [BindNever]
        public string UploadedBy { get; set; } = string.Empty;
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.File).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Select a posting file")
                .Must(f => f!.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).WithMessage("The selected file must be a CSV file (.csv)")
                .Must(f => f!.Length > 0).WithMessage("The selected file is empty")
                .Must(f => f!.Length <= MaxFileBytes).WithMessage("The selected file must be smaller than 20 MB: send the day as several files");
        }
    }

    internal sealed partial class Handler(AccountsDbContext db, PostingFileReader reader, PostUpload poster, IBackgroundJobClient jobs, TimeProvider time, ILogger<Handler> logger)
        : IRequestHandler<Command, UploadOutcome>
    {
        /// <summary>A file of up to this many postings is posted while the admin waits; a bigger one by the job.</summary>
        public const int PostedAtOnce = 200;

        public async Task<UploadOutcome> Handle(Command request, CancellationToken cancellationToken)
        {
            PostingFileReading reading;
            await using (var file = request.File!.OpenReadStream())
            {
                reading = await reader.ReadAsync(file, cancellationToken);
            }

            if (!reading.IsGood)
            {
                return new UploadOutcome(null, [.. reading.Problems.Select(p => p.ToString())]);
            }

            var upload = new PostingUpload
            {
                FileName = FileNameOf(request.File.FileName),
                UploadedBy = request.UploadedBy,
                UploadedAt = time.GetUtcNow().UtcDateTime,
                RowCount = reading.Rows.Count,
            };
            upload.Rows.AddRange(reading.Rows);
            db.PostingUploads.Add(upload);
            await db.SaveChangesAsync(cancellationToken);

            if (upload.RowCount <= PostedAtOnce)
            {
                // Should this request end before every row is posted, the job finishes the rest (and otherwise finds nothing to do).
                jobs.Schedule<PostUpload>(job => job.RunAsync(upload.Id, CancellationToken.None), TimeSpan.FromMinutes(5));
                try
                {
                    await poster.RunAsync(upload.Id, CancellationToken.None);
                }
                catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or TimeoutException or System.Data.Common.DbException)
                {
                    // The upload is saved and its progress shown: the job scheduled above posts what is left.
                    LogPostedLater(logger, upload.Id, exception.GetType().Name);
                }
            }
            else
            {
                jobs.Enqueue<PostUpload>(job => job.RunAsync(upload.Id, CancellationToken.None));
            }

            return new UploadOutcome(upload.Id, []);
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "Posting upload {UploadId} could not be posted at once ({Error}); the job will post it")]
        private static partial void LogPostedLater(ILogger logger, Guid uploadId, string error);

        /// <summary>The name as the admin's computer had it, without any folder, control characters or excess length.</summary>
        private static string FileNameOf(string uploaded)
        {
            var name = new string(Path.GetFileName(uploaded.Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
            return name.Length > 200 ? name[..200] : name;
        }
    }

    internal sealed record GetPostings(Guid? UploadId) : IRequest<PostingsOverview>;

    internal sealed class GetPostingsHandler(AccountsDbContext db) : IRequestHandler<GetPostings, PostingsOverview>
    {
        private const int RecentCount = 20;

        public async Task<PostingsOverview> Handle(GetPostings request, CancellationToken cancellationToken)
        {
            var recent = await db.PostingUploads.AsNoTracking()
                .OrderByDescending(u => u.UploadedAt).ThenByDescending(u => u.Id)
                .Take(RecentCount)
                .ToListAsync(cancellationToken);
            var selected = request.UploadId is not { } id ? null
                : recent.FirstOrDefault(u => u.Id == id) ?? await db.PostingUploads.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
            return new PostingsOverview(selected is null ? null : UploadSummary.Of(selected), [.. recent.Select(UploadSummary.Of)]);
        }
    }
}
