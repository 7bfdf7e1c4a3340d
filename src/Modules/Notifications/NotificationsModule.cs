using BillCenter.Modules.Notifications.Domain;
using BillCenter.Modules.Notifications.Channels;
using BillCenter.Modules.Notifications.Data;
using BillCenter.Modules.Notifications.Dispatch;
using BillCenter.Modules.Notifications.Email;
using BillCenter.Modules.Notifications.Jobs;
using BillCenter.Modules.Notifications.Sms;
using BillCenter.SharedKernel.Data;
using BillCenter.SharedKernel.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BillCenter.Modules.Notifications;

/// <summary>Alerts and one-time codes by email (MailKit) and SMS (Twilio REST), dispatched by Hangfire, with a delivery log.</summary>
public sealed class NotificationsModule : IModule
{
    public string Name => NotificationsDbContext.Schema;

    public void AddServices(IServiceCollection services, ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.AddModuleDbContext<NotificationsDbContext, SqliteNotificationsDbContext, PostgresNotificationsDbContext>(Name, context.Database);
        services.AddOptions<SmtpOptions>().Bind(context.Configuration.GetSection(SmtpOptions.Section));
        services.AddOptions<DispatchOptions>().Bind(context.Configuration.GetSection(DispatchOptions.Section));
        services.AddOptions<OneTimeCodeOptions>().Bind(context.Configuration.GetSection(OneTimeCodeOptions.Section));
        services.AddOptions<SiteOptions>().Bind(context.Configuration.GetSection(SiteOptions.Section));

        var smtp = context.Configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new SmtpOptions();
        if (smtp.IsConfigured)
        {
            services.AddSingleton<IEmailChannel, MailKitEmailChannel>();
        }
        else
        {
            var pickup = Path.Combine(context.DataFolder, smtp.PickupFolder);
            services.AddSingleton<IEmailChannel>(sp => new PickupFolderEmailChannel(sp.GetRequiredService<IOptions<SmtpOptions>>(), pickup));
        }

        services.AddSms(context.Configuration, context.DataFolder);
        services.AddSingleton<CodeProtector>();
        services.AddSingleton<DispatchSignal>();
        services.AddScoped<Recipients>();
        services.AddScoped<AlertChoiceCache>();
        services.AddScoped<AlertQueue>();
        services.AddScoped<OneTimeCodes>();
        services.AddScoped<OneTimeCodeLimits>();
        services.AddScoped<PurgeOneTimeCodes>();
        services.AddScoped<NotificationDispatcher>();
        services.AddScoped<NotificationJobs>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapTwilioStatusWebhook();

    public void AddJobs(ModuleJobs jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.AddOrUpdate<NotificationJobs>("dispatch", j => j.SweepAsync(CancellationToken.None), "* * * * *");
        jobs.AddOrUpdate<PurgeOneTimeCodes>("purge-codes", j => j.RunAsync(CancellationToken.None), "23 3 * * *");

        // Anything queued before a restart (in-memory job storage forgets its queue) goes out now, not in a minute.
        jobs.TriggerNow("dispatch");
    }
}
