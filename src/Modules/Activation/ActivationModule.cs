using BillCenter.SharedKernel.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.Modules.Activation;

/// <summary>Card activation (/activate): pages and handlers only; the cards and their checks belong to the Accounts module.</summary>
public sealed class ActivationModule : IModule
{
    public string Name => "activation";

    public void AddServices(IServiceCollection services, ModuleContext context)
    {
        // No tables, options or jobs of its own: the Host registers its handlers and pages from this assembly.
    }
}
