using System.Globalization;
using BillCenter.Modules.Accounts.Data;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.SharedKernel.Security;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Features.PostingFiles;

/// <summary>
/// Reads a posting file as it streams in and checks every line before anything is saved: each card number becomes its
/// fingerprint on the spot (the number itself goes no further), each reference must be unique in the file, and each card
/// must be one we issued. Either every line is good, or the problems are listed by line and nothing is kept.
/// </summary>
internal sealed class PostingFileReader(AccountsDbContext db, KeyedHasher hasher, TimeProvider time)
{
    /// <summary>The most postings one file may hold: a bigger day is sent as several files.</summary>
    public const int MaxRows = 100_000;

    /// <summary>No line of a good file comes near this (the longest values add up to about 250 bytes).</summary>
    private const int MaxRecordBytes = 64 * 1024;

    /// <summary>Cards looked up per query.</summary>
    private const int LookupChunk = 500;

    private static readonly string Header = string.Join(',', PostingLine.Columns);

    public async Task<PostingFileReading> ReadAsync(Stream file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var rows = new List<PostingUploadRow>();
        var problems = new List<LineProblem>();
        var referenceLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            // A value never breaks across lines, so one stray quote cannot swallow the rest of the file.
            AllowLineBreaksInQuotes = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            // The record itself is never looked at, logged or kept: it holds a card number in clear.
            OnMalformedRecord = malformed => problems.Add(new LineProblem((int)malformed.LineNumber, Describe(malformed.Reason))),
            IncludeValuesInExceptions = false,
            MaxRecordSize = MaxRecordBytes,
        };

        await using var reader = CsvReader.Create(file, options, leaveOpen: true);
        try
        {
            await reader.ReadHeaderAsync(cancellationToken);
            if (!IsHeader(reader.Headers))
            {
                return PostingFileReading.Refused(new LineProblem(1, $"the first line must be the header {Header}"));
            }

            var values = new string?[PostingLine.Columns.Count];
            while (await reader.ReadAsync(cancellationToken))
            {
                var line = (int)reader.LineNumber;
                if (rows.Count + problems.Count >= MaxRows)
                {
                    return PostingFileReading.Refused(new LineProblem(line, string.Create(CultureInfo.InvariantCulture, $"the file holds more than {MaxRows:N0} postings: send the day as several files")));
                }

                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.GetString(i);
                }

                var checkedLine = PostingLine.Read(values, today);
                if (checkedLine.Line is not { } posting)
                {
                    problems.Add(new LineProblem(line, checkedLine.Problem!));
                    continue;
                }

                if (referenceLines.TryGetValue(posting.Reference, out var firstLine))
                {
                    problems.Add(new LineProblem(line, string.Create(CultureInfo.InvariantCulture, $"the reference is already used on line {firstLine}")));
                    continue;
                }

                referenceLines.Add(posting.Reference, line);
                rows.Add(new PostingUploadRow
                {
                    LineNumber = line,
                    CardFingerprint = hasher.Fingerprint(posting.CardNumber),
                    PostedOn = posting.PostedOn,
                    Description = posting.Description,
                    MerchantCategory = posting.MerchantCategory,
                    Amount = posting.Amount,
                    Reference = posting.Reference,
                });
            }
        }
        catch (CsvFormatException exception)
        {
            // Never logged: the reader's message may quote the line, card number and all.
            problems.Add(new LineProblem(Math.Max(1, (int)exception.LineNumber), "the file cannot be read from this line on (is it a CSV file?)"));
            return Refused(problems);
        }

        if (rows.Count == 0 && problems.Count == 0)
        {
            return PostingFileReading.Refused(new LineProblem(2, "the file holds no postings under its header"));
        }

        problems.AddRange(await UnknownCardsAsync(rows, cancellationToken));
        return problems.Count > 0 ? Refused(problems) : new PostingFileReading(rows, []);
    }

    private static PostingFileReading Refused(List<LineProblem> problems) => new([], [.. problems.OrderBy(p => p.Line)]);

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.FieldCountMismatch => string.Create(CultureInfo.InvariantCulture, $"the line must have {PostingLine.Columns.Count} values separated by commas, like the header"),
        CsvMalformedReason.LineBreakInQuotes or CsvMalformedReason.UnterminatedQuote => "a value in double quotes is not closed on this line",
        _ => "a double quote is out of place (a value with a comma or a quote is written in double quotes, with each quote inside doubled)",
    };

    /// <summary>The header names the six columns, in order (any letter case, spaces around names ignored).</summary>
    private static bool IsHeader(IReadOnlyList<string> names) =>
        names.Select(name => name.Trim().ToLowerInvariant()).SequenceEqual(PostingLine.Columns, StringComparer.Ordinal);

    private async Task<IEnumerable<LineProblem>> UnknownCardsAsync(List<PostingUploadRow> rows, CancellationToken cancellationToken)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in rows.Select(r => r.CardFingerprint).Distinct(StringComparer.Ordinal).Chunk(LookupChunk))
        {
            known.UnionWith(await db.Cards.AsNoTracking().Where(c => chunk.Contains(c.Fingerprint)).Select(c => c.Fingerprint).ToListAsync(cancellationToken));
        }

        return rows.Where(r => !known.Contains(r.CardFingerprint)).Select(r => new LineProblem(r.LineNumber, "the card number is not one we issued"));
    }
}

/// <summary>What is wrong with one line of a posting file.</summary>
internal sealed record LineProblem(int Line, string Problem)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Line {Line}: {Problem}");
}

/// <summary>The checked rows of a posting file, or (when any line has a problem) none and every problem, in line order.</summary>
internal sealed record PostingFileReading(IReadOnlyList<PostingUploadRow> Rows, IReadOnlyList<LineProblem> Problems)
{
    public bool IsGood => Problems.Count == 0;

    public static PostingFileReading Refused(LineProblem problem) => new([], [problem]);
}
