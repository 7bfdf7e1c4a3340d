namespace BillCenter.IntegrationTests;

/// <summary>One app per test class and provider, created on first use (so a missing PostgreSQL skips, not fails).</summary>
public abstract class AppFixture(TestDatabase database) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private BillCenterApp? _app;

    public TestDatabase Database => database;

    public BillCenterApp App
    {
        get
        {
            if (database == TestDatabase.Postgres)
            {
                TestServices.RequirePostgres();
            }

            lock (_gate)
            {
                return _app ??= new BillCenterApp(database);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteFixture() : AppFixture(TestDatabase.Sqlite);

public sealed class PostgresFixture() : AppFixture(TestDatabase.Postgres);
