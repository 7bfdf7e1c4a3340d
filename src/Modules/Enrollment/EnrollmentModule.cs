using BillCenter.Modules.Enrollment.Pages.Enroll;
using BillCenter.SharedKernel.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.Modules.Enrollment;

/// <summary>Create an online account from the card in hand: verify the card, a one-time code, user ID and password.</summary>
public sealed class EnrollmentModule : IModule
{
    public string Name => "enrollment";

    public void AddServices(IServiceCollection services, ModuleContext context) => services.AddSingleton<EnrollmentJourney>();
}
