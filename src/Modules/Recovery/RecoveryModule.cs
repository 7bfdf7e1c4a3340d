using BillCenter.Modules.Recovery.Pages.Recover;
using BillCenter.SharedKernel.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.Modules.Recovery;

/// <summary>A forgotten user ID or password: verify the card, a one-time code, a security question when set, then the user ID or a new password.</summary>
public sealed class RecoveryModule : IModule
{
    public string Name => "recovery";

    public void AddServices(IServiceCollection services, ModuleContext context)
    {
        services.AddSingleton<RecoveryJourney>();
    }
}
