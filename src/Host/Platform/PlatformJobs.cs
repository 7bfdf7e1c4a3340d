using BillCenter.SharedKernel.Data;
using BillCenter.SharedKernel.Security;
using Hangfire;
using Hangfire.PostgreSql;

namespace BillCenter.Host.Platform;

/// <summary>One Hangfire for every module: its storage, its servers and queues, and the dashboard at /admin/jobs.</summary>
internal static class PlatformJobs
{
    public static void AddJobs(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        // The storage is this host's own singleton, not Hangfire's static JobStorage.Current, so two hosts in one
        // process (tests, in-place restarts) never enqueue into each other's storage.
        services.AddSingleton<JobStorage>(provider =>
        {
            _ = provider.GetRequiredService<IGlobalConfiguration>(); // applies the configuration below first
            return CreateStorage(database);
        });
        // Likewise the activator: jobs run in this host's container, whatever Hangfire's statics point at.
        services.AddSingleton<JobActivator>(provider => new Hangfire.AspNetCore.AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, config) => config
            .UseLogProvider(new ResilientHangfireLogProvider(provider.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        if (configuration.GetValue("Jobs:RunServer", true))
        {
            // One-time codes get workers of their own, so a large alert batch never delays a code.
            services.AddHangfireServer((provider, options) =>
            {
                options.Activator = provider.GetRequiredService<JobActivator>();
                options.ServerName = $"{Environment.MachineName}:codes:{Guid.NewGuid():N}";
                options.WorkerCount = configuration.GetValue("Jobs:CodeWorkerCount", 2);
                options.Queues = ["codes"];
            });
            services.AddHangfireServer((provider, options) =>
            {
                options.Activator = provider.GetRequiredService<JobActivator>();
                options.WorkerCount = configuration.GetValue("Jobs:WorkerCount", 4);
                options.Queues = ["alerts", "default"];
            });
        }
    }

    /// <summary>Where jobs are kept: the choice of Hangfire storage for the configured database.</summary>
    private static JobStorage CreateStorage(DatabaseOptions database)
    {
        if (database.Provider != DatabaseProvider.Postgres)
        {
            return new Hangfire.InMemory.InMemoryStorage();
        }

        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true };
        return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(database.ConnectionString, options), options);
    }

    public static void MapJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboardWithAuthorizationPolicy(Policies.Admin, "/admin/jobs", new DashboardOptions
        {
            DashboardTitle = "BillCenter jobs",
            AppPath = "/",
            DisplayStorageConnectionString = false,
        });
}
