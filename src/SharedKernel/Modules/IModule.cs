using BillCenter.SharedKernel.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BillCenter.SharedKernel.Modules;

/// <summary>
/// What every module gives the Host: its services (handlers, DbContext, options), its recurring jobs, and any
/// endpoints that are not Razor Pages. Pages are found by the Host from the module's assembly.
/// </summary>
public interface IModule
{
    /// <summary>Lower-case name: the PostgreSQL schema of its tables and the prefix of its job ids.</summary>
    string Name { get; }

    void AddServices(IServiceCollection services, ModuleContext context);

    void AddJobs(ModuleJobs jobs)
    {
    }

    void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
