using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BillCenter.IntegrationTests;

/// <summary>
/// On PostgreSQL, Hangfire's jobs and history live in the database: a restart of the app loses neither. (The
/// embedded SQLite setup keeps them in memory, so there both are gone after a restart; see ADR 0010.)
/// </summary>
public sealed class HangfireStorageTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_a_scheduled_job_and_a_succeeded_one_When_the_app_restarts_Then_both_are_still_there()
    {
        const TestDatabase database = TestDatabase.Postgres;
        var dataFolder = Directory.CreateTempSubdirectory("billcenter-test-").FullName;
        var postgresDatabase = await CreatePostgresDatabaseAsync();
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Jobs:RunServer"] = "true",
                ["ConnectionStrings:BillCenter"] = postgresDatabase,
            };

            string scheduledId;
            string succeededId;
            await using (var first = new BillCenterApp(database, settings: settings, sharedDataFolder: dataFolder))
            {
                var jobs = first.Services.GetRequiredService<IBackgroundJobClient>();
                succeededId = jobs.Enqueue(() => TestJob.Done("ran before the restart"));
                scheduledId = jobs.Schedule(() => TestJob.Done("runs tomorrow"), TimeSpan.FromDays(1));
                await WaitForStateAsync(first.Services.GetRequiredService<JobStorage>(), succeededId, "Succeeded");
            }

            settings["Database:SeedDemoData"] = "false";
            await using var second = new BillCenterApp(database, settings: settings, sharedDataFolder: dataFolder);
            var storage = second.Services.GetRequiredService<JobStorage>();
            var monitoring = storage.GetMonitoringApi();
            using var connection = storage.GetConnection();

            Assert.Contains(monitoring.ScheduledJobs(0, 100), job => job.Key == scheduledId);
            Assert.Equal("Scheduled", connection.GetStateData(scheduledId)?.Name);
            Assert.Contains(monitoring.SucceededJobs(0, 100), job => job.Key == succeededId);
            Assert.True(monitoring.GetStatistics().Succeeded >= 1);
        }
        finally
        {
            Directory.Delete(dataFolder, recursive: true);
            await DropPostgresDatabaseAsync(postgresDatabase);
        }
    }

    /// <summary>The job the test runs; public and static, so Hangfire needs nothing from the container to run it.</summary>
    public static class TestJob
    {
        public static void Done(string note) => ArgumentException.ThrowIfNullOrEmpty(note);
    }

    private static async Task WaitForStateAsync(JobStorage storage, string jobId, string state)
    {
        using var connection = storage.GetConnection();
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline;)
        {
            if (connection.GetStateData(jobId)?.Name == state)
            {
                return;
            }

            await Task.Delay(50, Cancel); // polls the storage, as the dashboard does
        }

        Assert.Fail($"Job {jobId} did not reach {state}; it is {connection.GetStateData(jobId)?.Name}.");
    }

    private static async Task<string> CreatePostgresDatabaseAsync()
    {
        TestServices.RequirePostgres();
        var name = $"bc_test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(TestServices.PostgresConnectionString);
        await connection.OpenAsync(Cancel);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync(Cancel);
        return new NpgsqlConnectionStringBuilder(TestServices.PostgresConnectionString) { Database = name }.ConnectionString;
    }

    private static async Task DropPostgresDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestServices.PostgresConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
