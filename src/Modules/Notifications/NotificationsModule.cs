using BillCenter.Modules.Notifications.Data;
using BillCenter.SharedKernel.Data;
using BillCenter.SharedKernel.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.Modules.Notifications;

/// <summary>Alerts and one-time codes by email (MailKit) and SMS (Twilio REST), dispatched by Hangfire, with a delivery log.</summary>
public sealed class NotificationsModule : IModule
{
    public string Name => NotificationsDbContext.Schema;

    public void AddServices(IServiceCollection services, ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.AddModuleDbContext<NotificationsDbContext, SqliteNotificationsDbContext, PostgresNotificationsDbContext>(Name, context.Database);
    }
}
