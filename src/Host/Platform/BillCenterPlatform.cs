using BillCenter.SharedKernel.Mediation;
using BillCenter.SharedKernel.Modules;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace BillCenter.Host.Platform;

/// <summary>
/// Everything the Host sets up around the modules, in order, after refusing unsafe settings outside Development
/// (<see cref="ProductionSettings"/>). Each concern has its own file: the module registry
/// (<see cref="ModuleRegistry"/>), the database (<see cref="PlatformDatabase"/>), secrets (<see cref="PlatformSecrets"/>),
/// sign-in and the key ring (<see cref="PlatformAuthentication"/>), web security (<see cref="PlatformWebSecurity"/>)
/// and jobs (<see cref="PlatformJobs"/>).
/// </summary>
internal static class BillCenterPlatform
{
    public static WebApplicationBuilder AddBillCenterPlatform(this WebApplicationBuilder builder, IReadOnlyList<IModule> modules)
    {
        builder.RefuseUnsafeSettings();
        var database = builder.AddDatabase();
        builder.AddSecrets();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddBillCenterMediator();
        builder.AddModules(modules, database);
        builder.AddAuthentication();
        builder.AddWebSecurity();
        builder.Services.AddHealthChecks();
        builder.Services.AddJobs(builder.Configuration, database);
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
        app.UseBadRequestAnswers();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapRazorPages();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapJobsDashboard();
        app.MapModules(modules);
        return app;
    }
}
