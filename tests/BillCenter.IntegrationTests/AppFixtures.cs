namespace BillCenter.IntegrationTests;

/// <summary>One app per test class and provider, created on first use (so a missing PostgreSQL skips, not fails).</summary>
public abstract class AppFixture(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null) : IAsyncDisposable
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
                return _app ??= new BillCenterApp(database, settings: settings);
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

/// <summary>Without the demo data: for tests that open their own accounts and must not depend on the seeding.</summary>
public sealed class SqliteFixtureWithoutDemoData() : AppFixture(TestDatabase.Sqlite, WithoutDemoData.Settings);

public sealed class PostgresFixtureWithoutDemoData() : AppFixture(TestDatabase.Postgres, WithoutDemoData.Settings);

internal static class WithoutDemoData
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?> { ["Database:SeedDemoData"] = "false" };
}
