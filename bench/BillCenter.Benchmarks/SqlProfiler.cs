using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BillCenter.Benchmarks;

/// <summary>
/// Counts every SQL command the app's DbContexts execute, grouped by statement kind and table ("UPDATE notifications"),
/// with the time each took. Commands tagged <see cref="BenchTag"/> (the benchmark's own polling) are left out.
/// </summary>
internal sealed class SqlProfiler : DbCommandInterceptor
{
    public const string BenchTag = "benchmark-poll";

    private static readonly ConcurrentDictionary<string, Regex> TablePatterns = new(StringComparer.Ordinal);

    private ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    /// <summary>Starts counting afresh and returns what was counted so far.</summary>
    public IReadOnlyDictionary<string, SqlStat> Reset()
    {
        var previous = Interlocked.Exchange(ref _counters, new ConcurrentDictionary<string, Counter>(StringComparer.Ordinal));
        return Snapshot(previous);
    }

    public IReadOnlyDictionary<string, SqlStat> Snapshot() => Snapshot(_counters);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration);
        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration);
        return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Record(command, eventData.Duration);
        return base.ReaderExecuted(command, eventData, result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Record(command, eventData.Duration);
        return base.NonQueryExecuted(command, eventData, result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Record(command, eventData.Duration);
        return base.ScalarExecuted(command, eventData, result);
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration, failed: true);
        return base.CommandFailedAsync(command, eventData, cancellationToken);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData)
    {
        Record(command, eventData.Duration, failed: true);
        base.CommandFailed(command, eventData);
    }

    private void Record(DbCommand command, TimeSpan duration, bool failed = false)
    {
        var text = command.CommandText;
        if (text.Contains(BenchTag, StringComparison.Ordinal))
        {
            return;
        }

        var counter = _counters.GetOrAdd(Signature(text), _ => new Counter());
        Interlocked.Increment(ref counter.Count);
        Interlocked.Add(ref counter.Ticks, duration.Ticks);
        if (failed)
        {
            Interlocked.Increment(ref counter.Failed);
        }
    }

    /// <summary>"SELECT card_accounts", "UPDATE notifications ×500" (statements in one command), ...</summary>
    internal static string Signature(string sql)
    {
        var statements = sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => string.Join('\n', s.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(s => s.Length > 0)
            .ToList();
        if (statements.Count == 0)
        {
            return "(empty)";
        }

        var kinds = statements.Select(Kind).GroupBy(k => k, StringComparer.Ordinal).Select(g => g.Count() > 1 ? $"{g.Key} ×{g.Count()}" : g.Key);
        return string.Join(" + ", kinds);
    }

    private static string Kind(string statement)
    {
        var verb = statement.Split((char[])[' ', '\n', '\r', '\t'], 2)[0].ToUpperInvariant();
        var table = verb switch
        {
            "INSERT" => TableAfter(statement, "INTO"),
            "UPDATE" => TableAfter(statement, "UPDATE"),
            "DELETE" => TableAfter(statement, "FROM"),
            "SELECT" or "WITH" => TableAfter(statement, "FROM"),
            _ => null,
        };
        return table is null ? verb : $"{verb} {table}";
    }

    private static string? TableAfter(string statement, string keyword)
    {
        var pattern = TablePatterns.GetOrAdd(keyword, k => new Regex(
            $@"\b{k}\s+((?:""?\w+""?\.)?""?\w+""?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1)));
        var match = pattern.Match(statement);
        return match.Success ? match.Groups[1].Value.Replace("\"", string.Empty, StringComparison.Ordinal) : null;
    }

    private static Dictionary<string, SqlStat> Snapshot(ConcurrentDictionary<string, Counter> counters) =>
        counters.ToDictionary(p => p.Key, p => new SqlStat(Volatile.Read(ref p.Value.Count), TimeSpan.FromTicks(Volatile.Read(ref p.Value.Ticks)), Volatile.Read(ref p.Value.Failed)), StringComparer.Ordinal);

    private sealed class Counter
    {
        public long Count;
        public long Ticks;
        public long Failed;
    }
}

internal sealed record SqlStat(long Count, TimeSpan Time, long Failed);
