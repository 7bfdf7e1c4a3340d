namespace BillCenter.SharedKernel.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>ConnectionStrings:BillCenter. For SQLite, empty means a file in the data folder.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Apply each module's EF Core migrations at start-up.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Seed the demo card accounts and users when the database is empty.</summary>
    public bool SeedDemoData { get; set; }
}
