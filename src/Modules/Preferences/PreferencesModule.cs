using BillCenter.Modules.Preferences.Data;
using BillCenter.Modules.Preferences.Domain;
using BillCenter.SharedKernel.Data;
using BillCenter.SharedKernel.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.Modules.Preferences;

/// <summary>
/// What a signed-in cardholder sets up instead of calling: security questions (asked by recovery after its one-time
/// code), alerts and statement delivery per card account (asked by Notifications and the statement run), the billing
/// address and nickname (kept by Accounts, changed through its contracts), the card benefits page, with an overview at
/// /preferences of what is set and what is missing.
/// </summary>
public sealed class PreferencesModule : IModule
{
    public string Name => PreferencesDbContext.Schema;

    public void AddServices(IServiceCollection services, ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.AddModuleDbContext<PreferencesDbContext, SqlitePreferencesDbContext, PostgresPreferencesDbContext>(Name, context.Database);
        services.AddSingleton<SecurityAnswerHasher>();
        services.AddSingleton<Pages.Preferences.ContactJourney>();
    }
}
