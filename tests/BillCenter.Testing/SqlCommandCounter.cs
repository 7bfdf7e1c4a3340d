using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BillCenter.Testing;

/// <summary>
/// Counts the SQL commands every DbContext of the app executes (registered as an EF Core interceptor), and while
/// <see cref="Record"/> is on, keeps the kind of each (SELECT, INSERT, UPDATE, DELETE, ...).
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private readonly List<string> _kinds = [];
    private int _count;
    private volatile bool _recording;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Starts keeping the kinds of the commands executed from now on; dispose to stop.</summary>
    public IDisposable Record()
    {
        lock (_kinds)
        {
            _kinds.Clear();
        }

        _recording = true;
        return new StopRecording(this);
    }

    /// <summary>The kinds of the commands executed while recording, in order.</summary>
    public IReadOnlyList<string> Kinds
    {
        get
        {
            lock (_kinds)
            {
                return [.. _kinds];
            }
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Counted(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Counted(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Counted(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Counted(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Counted(command);
        return base.NonQueryExecuting(command, eventData, result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Counted(command);
        return base.ScalarExecuting(command, eventData, result);
    }

    private void Counted(DbCommand command)
    {
        Interlocked.Increment(ref _count);
        if (_recording)
        {
            var text = command.CommandText.TrimStart();
            var kind = text.Split((char[])[' ', '\n', '\r', '\t'], 2)[0].ToUpperInvariant();
            lock (_kinds)
            {
                _kinds.Add(kind);
            }
        }
    }

    private sealed class StopRecording(SqlCommandCounter counter) : IDisposable
    {
        public void Dispose() => counter._recording = false;
    }
}
