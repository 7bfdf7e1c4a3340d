using System.Threading.RateLimiting;
using BillCenter.Host.DemoData;
using BillCenter.SharedKernel.Data;
using BillCenter.SharedKernel.Mediation;
using BillCenter.SharedKernel.Modules;
using BillCenter.SharedKernel.Security;
using BillCenter.SharedKernel.Web;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BillCenter.Host.Platform;

/// <summary>Everything the Host sets up around the modules: data, security, jobs, health and the web pipeline.</summary>
internal static class PlatformExtensions
{
    public const string AnonymousPostPolicy = "anonymous-post";

    public static WebApplicationBuilder AddBillCenterPlatform(this WebApplicationBuilder builder, IReadOnlyList<IModule> modules)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var database = ResolveDatabase(builder);
        RefuseDevelopmentSecretsInProduction(builder);

        services.AddSingleton(database);
        services.AddSingleton(Options.Create(database));
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section));
        services.AddSingleton<KeyedHasher>();
        services.AddSingleton(TimeProvider.System);
        services.AddBillCenterMediator();

        var mvc = services.AddRazorPages(options => options.Conventions.ConfigureFilter(new ValidationPageFilter()));
        var context = new ModuleContext(configuration, database, builder.Environment, DataFolder(builder));
        foreach (var module in modules)
        {
            module.AddServices(services, context);
            services.AddHandlersFrom(module.GetType().Assembly);
            mvc.AddApplicationPart(module.GetType().Assembly);
        }

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "bc.af";
            options.Cookie.SecurePolicy = SecurityOptions.CookiePolicy(configuration);
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = "__RequestVerificationToken";
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        services.Configure<ForwardedHeadersOptions>(options =>
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        services.AddHealthChecks();
        services.AddAnonymousPostRateLimit(configuration);
        services.AddJobs(configuration, database);
        return builder;
    }

    public static WebApplication UseBillCenterPlatform(this WebApplication app, IReadOnlyList<IModule> modules)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapRazorPages();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapHangfireDashboardWithAuthorizationPolicy(SharedKernel.Security.Policies.Admin, "/admin/jobs", new DashboardOptions
        {
            DashboardTitle = "BillCenter jobs",
            AppPath = "/",
            DisplayStorageConnectionString = false,
        });

        var jobManager = app.Services.GetRequiredService<IRecurringJobManager>();
        foreach (var module in modules)
        {
            module.MapEndpoints(app);
            module.AddJobs(new ModuleJobs(jobManager, module.Name));
        }

        return app;
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

    private static DatabaseOptions ResolveDatabase(WebApplicationBuilder builder)
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

    private static void RefuseDevelopmentSecretsInProduction(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsProduction())
        {
            return;
        }

        var hashKey = builder.Configuration[$"{SecurityOptions.Section}:{nameof(SecurityOptions.HashKey)}"];
        if (string.IsNullOrWhiteSpace(hashKey) || hashKey == SecurityOptions.DevelopmentHashKey)
        {
            throw new InvalidOperationException(
                "Security:HashKey is the development key. Set a secret key (32+ random bytes, base64) for Production.");
        }
    }

    private static void AddAnonymousPostRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var permitsPerMinute = configuration.GetValue("RateLimiting:AnonymousPostsPerMinute", 30);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            // Every anonymous POST counts against its client address; signed-in traffic, reads and the
            // re-executed error page of a refused request are not limited here.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                HttpMethods.IsPost(http.Request.Method) && http.User.Identity?.IsAuthenticated != true &&
                http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        $"{AnonymousPostPolicy}:{http.Connection.RemoteIpAddress}",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("unlimited"));
        });
    }

    private static void AddJobs(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        // The storage is this host's own singleton, not Hangfire's static JobStorage.Current, so two hosts in one
        // process (tests, in-place restarts) never enqueue into each other's storage.
        services.AddSingleton<JobStorage>(provider =>
        {
            _ = provider.GetRequiredService<IGlobalConfiguration>(); // applies the configuration below first
            if (database.Provider != DatabaseProvider.Postgres)
            {
                return new Hangfire.InMemory.InMemoryStorage();
            }

            var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true };
            return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(database.ConnectionString, options), options);
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
}
