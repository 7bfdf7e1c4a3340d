using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.SharedKernel.Data;

public static class ModuleDatabaseRegistration
{
    /// <summary>
    /// Registers a module's DbContext for the configured provider. Each provider has its own migrations, so each
    /// has its own context type deriving from <typeparamref name="TContext"/>; the rest of the module only sees
    /// <typeparamref name="TContext"/>. On PostgreSQL the module's tables live in the schema named after it.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TSqliteContext, TPostgresContext>(
        this IServiceCollection services, string module, DatabaseOptions database)
        where TContext : DbContext
        where TSqliteContext : TContext
        where TPostgresContext : TContext
    {
        ArgumentNullException.ThrowIfNull(database);
        // Pooled contexts with options built once: a signed-in request uses a context of the Users module for its
        // session and usually another for its page, and building options and internal services per request cost
        // more than the queries (measured with bench/pages.sh). Interceptors are singletons for the same reason.
        void Configure(IServiceProvider sp, DbContextOptionsBuilder options)
        {
            ConfigureProvider(options, module, database);
            options.AddInterceptors(sp.GetServices<IInterceptor>());
            if (sp.GetService<Messaging.OutboxTrigger<TContext>>() is { } outboxTrigger)
            {
                options.AddInterceptors(outboxTrigger);
            }
        }

        if (database.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextPool<TContext, TPostgresContext>(Configure);
        }
        else
        {
            services.AddDbContextPool<TContext, TSqliteContext>(Configure);
        }

        services.AddSingleton<IModuleDatabase>(new ModuleDatabase<TContext>(module));
        services.AddHealthChecks().AddDbContextCheck<TContext>($"database:{module}", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Gives a module's context an outbox: events published with <c>context.Publish(..)</c> are dispatched by the
    /// job "&lt;module&gt;:outbox" right after SaveChanges and by its every-minute sweep (register it in AddJobs with
    /// <see cref="AddOutboxJob{TContext}"/>). The context must call <c>modelBuilder.AddOutbox()</c>.
    /// </summary>
    public static IServiceCollection AddOutbox<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        services.AddScoped<Messaging.OutboxPublisher<TContext>>();
        services.AddSingleton<Messaging.OutboxTrigger<TContext>>();
        return services;
    }

    public static void AddOutboxJob<TContext>(this Modules.ModuleJobs jobs)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.AddOrUpdate<Messaging.OutboxPublisher<TContext>>("outbox", publisher => publisher.PublishPendingAsync(CancellationToken.None), "* * * * *");
    }

    /// <summary>Provider settings shared by the running app and the design-time factories of <c>dotnet ef</c>.</summary>
    public static DbContextOptionsBuilder ConfigureProvider(DbContextOptionsBuilder options, string module, DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(database);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(WithAutoPrepare(database.ConnectionString), o => o.MigrationsHistoryTable("__ef_migrations_history", module));
        }
        else
        {
            // One SQLite file holds every module; each keeps its own migrations history table.
            options.UseSqlite(database.ConnectionString, o => o.MigrationsHistoryTable($"__ef_migrations_history_{module}"));
        }

        return options;
    }

    /// <summary>
    /// The same few statements run on every request (the session lookup, the account summary): let Npgsql prepare
    /// the most used ones on each pooled connection so PostgreSQL parses and plans them once, not per request
    /// (measured: the summary page +59 % on PostgreSQL). A connection string that sets "Max Auto Prepare" wins.
    /// </summary>
    private static string? WithAutoPrepare(string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            return connectionString;
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = AutoPreparedStatements;
        }

        return builder.ConnectionString;
    }

    /// <summary>Statements Npgsql keeps prepared per connection (its least used are replaced first).</summary>
    public const int AutoPreparedStatements = 50;

    /// <summary>Design-time options for <c>dotnet ef migrations add</c>; no database is touched.</summary>
    public static DbContextOptions<T> DesignTimeOptions<T>(string module, DatabaseProvider provider)
        where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        ConfigureProvider(builder, module, new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = provider == DatabaseProvider.Postgres
                ? "Host=127.0.0.1;Database=billcenter_design;Username=design"
                : "Data Source=design-time.db",
        });
        return builder.Options;
    }
}
