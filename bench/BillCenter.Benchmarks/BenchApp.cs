using BillCenter.Modules.Notifications.Channels;
using BillCenter.Testing;
using Hangfire.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.Benchmarks;

/// <summary>
/// The whole app (<see cref="BillCenterApp"/>: fresh SQLite file or fresh PostgreSQL database) with a SQL profiler
/// and a gate that can hold the Notifications jobs.
/// </summary>
internal sealed class BenchApp(TestDatabase database, IReadOnlyDictionary<string, string?> settings, TimeSpan? sqliteBusyTimeout = null)
    : BillCenterApp(database, settings: settings)
{
    public SqlProfiler Sql { get; } = new();

    public JobGate Jobs { get; } = new();

    /// <summary>Time spent inside the app's email and SMS channels.</summary>
    public ChannelClock Channel { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IInterceptor>(Sql);
            if (sqliteBusyTimeout is { } busyTimeout)
            {
                services.AddSingleton<IInterceptor>(new SqliteBusyTimeout(busyTimeout));
            }
            services.AddSingleton<IJobFilterProvider>(Jobs); // the Hangfire servers take their filters from this service
            Decorate<IEmailChannel>(services, inner => new TimedEmailChannel(inner, Channel));
            Decorate<ISmsChannel>(services, inner => new TimedSmsChannel(inner, Channel));
        });
    }

    /// <summary>Wraps the app's registration of <typeparamref name="T"/> (same lifetime) in <paramref name="wrap"/>.</summary>
    private static void Decorate<T>(IServiceCollection services, Func<T, T> wrap)
        where T : class
    {
        var registration = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(registration);
        Func<IServiceProvider, object> create = registration switch
        {
            { ImplementationFactory: { } factory } => factory,
            { ImplementationInstance: { } instance } => _ => instance,
            _ => sp => ActivatorUtilities.CreateInstance(sp, registration.ImplementationType!),
        };
        services.Add(new ServiceDescriptor(typeof(T), sp => wrap((T)create(sp)), registration.Lifetime));
    }

    public override async ValueTask DisposeAsync()
    {
        Jobs.Open();
        await base.DisposeAsync();
        Jobs.Dispose();
    }
}
