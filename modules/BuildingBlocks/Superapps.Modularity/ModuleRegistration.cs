using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Superapps.Modularity;

public static class ModuleRegistration
{
    /// <summary>Makes a module visible to the portal shell (pages, navigation, policies).</summary>
    public static IServiceCollection AddPortalModule<TModule>(this IServiceCollection services)
        where TModule : class, IPortalModule, new()
    {
        var module = new TModule();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPortalModule>(module));
        services.Configure<AuthorizationOptions>(module.AddPolicies);
        return services;
    }
}
