using BillCenter.Host.DemoData;
using BillCenter.SharedKernel.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BillCenter.Host.Platform;

/// <summary>The one database every module's tables live in (SQLite file or PostgreSQL), its migrations and the demo data.</summary>
internal static class PlatformDatabase
{
    public static DatabaseOptions AddDatabase(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        database.ConnectionString = builder.Configuration.GetConnectionString("BillCenter") ?? string.Empty;
        if (database.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(database.ConnectionString))
        {
            var folder = DataFolder(builder);
            database.ConnectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(folder, "billcenter.db"),
                DefaultTimeout = 30,
                Pooling = true,
            }.ToString();
        }
        else if (string.IsNullOrWhiteSpace(database.ConnectionString))
        {
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:BillCenter is empty.");
        }

        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(Options.Create(database));
        builder.Services.AddScoped<DemoDataSeeder>();
        return database;
    }

    /// <summary>The app's data folder (SQLite file, mail pickup, SMS log): Storage:DataFolder, relative to the content root.</summary>
    public static string DataFolder(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["Storage:DataFolder"] ?? "App_Data";
        var folder = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, configured));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Applies every module's migrations (when configured) and seeds the demo data into an empty database.</summary>
    public static async Task PrepareDatabasesAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        if (database.MigrateOnStartup)
        {
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                // WAL lets readers and one writer work at once; it is a property of the file, set once.
                await using var connection = new SqliteConnection(database.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA journal_mode=WAL;";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var moduleDatabase in app.Services.GetServices<IModuleDatabase>())
            {
                await moduleDatabase.MigrateAsync(app.Services, cancellationToken);
            }
        }

        if (database.SeedDemoData)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
        }
    }
}
