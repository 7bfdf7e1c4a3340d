using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BillCenter.Testing;

/// <summary>
/// Records the kind of each SQL command (SELECT, INSERT, UPDATE, DELETE) and each transaction commit that the app's
/// DbContexts run in the current async flow while <see cref="Record"/> is open: what one request costs the database.
/// </summary>
public sealed class SqlCommandLog : IDbCommandInterceptor, IDbTransactionInterceptor
{
    private readonly AsyncLocal<List<string>?> _current = new();

    /// <summary>Starts recording the commands run by this async flow into <paramref name="kinds"/>; dispose to stop.</summary>
    public IDisposable Record(out IReadOnlyList<string> kinds)
    {
        var list = new List<string>();
        kinds = list;
        _current.Value = list;
        return new Stop(this);
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Add(command);
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Add(command);
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Add(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Add(command);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Add(command);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Add(command);
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _current.Value?.Add("COMMIT");
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => _current.Value?.Add("COMMIT");

    private void Add(DbCommand command)
    {
        if (_current.Value is not { } list)
        {
            return;
        }

        // The first keyword, past blank lines and "-- " comment lines EF may put first.
        var statement = command.CommandText.Split('\n').Select(l => l.Trim()).First(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal));
        list.Add(statement.Split(' ', 2)[0].ToUpperInvariant());
    }

    private sealed class Stop(SqlCommandLog log) : IDisposable
    {
        public void Dispose() => log._current.Value = null;
    }
}
