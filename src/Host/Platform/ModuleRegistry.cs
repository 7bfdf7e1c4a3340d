using BillCenter.SharedKernel.Data;
using BillCenter.SharedKernel.Mediation;
using BillCenter.SharedKernel.Modules;
using BillCenter.SharedKernel.Web;
using Hangfire;

namespace BillCenter.Host.Platform;

/// <summary>What the Host does with every module, the same for each: services, handlers, pages, endpoints and jobs.</summary>
internal static class ModuleRegistry
{
    public static void AddModules(this WebApplicationBuilder builder, IReadOnlyList<IModule> modules, DatabaseOptions database)
    {
        var services = builder.Services;
        var mvc = services.AddRazorPages(options => options.Conventions.ConfigureFilter(new ValidationPageFilter()));
        var context = new ModuleContext(builder.Configuration, database, builder.Environment, PlatformDatabase.DataFolder(builder));
        foreach (var module in modules)
        {
            module.AddServices(services, context);
            services.AddHandlersFrom(module.GetType().Assembly);
            mvc.AddApplicationPart(module.GetType().Assembly);
        }
    }

    /// <summary>Maps each module's endpoints and registers its recurring jobs under "&lt;module&gt;:&lt;job&gt;".</summary>
    public static void MapModules(this WebApplication app, IReadOnlyList<IModule> modules)
    {
        var jobManager = app.Services.GetRequiredService<IRecurringJobManager>();
        foreach (var module in modules)
        {
            module.MapEndpoints(app);
            module.AddJobs(new ModuleJobs(jobManager, module.Name));
        }
    }
}
