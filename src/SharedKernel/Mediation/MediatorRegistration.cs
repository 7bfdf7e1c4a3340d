using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BillCenter.SharedKernel.Mediation;

/// <summary>MediatR 5.1.0 has no DI package on our feed, so handlers are registered here by assembly scan.</summary>
public static class MediatorRegistration
{
    private static readonly Type[] HandlerInterfaces =
    [
        typeof(IRequestHandler<,>),
        typeof(INotificationHandler<>),
    ];

    public static IServiceCollection AddBillCenterMediator(this IServiceCollection services)
    {
        services.TryAddScoped<ServiceFactory>(sp => sp.GetService!);
        services.TryAddScoped<IMediator, Mediator>();
        if (!services.Any(d => d.ServiceType == typeof(IPipelineBehavior<,>)))
        {
            services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        }

        return services;
    }

    /// <summary>Registers every handler and validator declared in <paramref name="assembly"/>, internal ones included.</summary>
    public static IServiceCollection AddHandlersFrom(this IServiceCollection services, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        services.AddBillCenterMediator();
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition())))
            {
                services.AddTransient(contract, type);
            }
        }

        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Transient, includeInternalTypes: true);
        return services;
    }
}
