using Hangfire;
using Microsoft.Extensions.DependencyInjection;

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
        var postgresDatabase = PostgresDatabases.Create();
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Jobs:RunServer"] = "true",
                ["ConnectionStrings:BillCenter"] = PostgresDatabases.ConnectionString(postgresDatabase),
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
            await PostgresDatabases.DropAsync(postgresDatabase);
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
        await Eventually.MatchAsync(
            () => Task.FromResult(connection.GetStateData(jobId)?.Name),
            name => name == state,
            name => $"Job {jobId} did not reach {state}; it is {name}.");
    }
}
