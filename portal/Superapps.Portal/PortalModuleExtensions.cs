using Superapps.Modularity;
using Superapps.SharedKernel;

namespace Superapps.Portal;

public static class PortalModuleExtensions
{
    /// <summary>Policies the shell itself needs; the modules add theirs through <see cref="IPortalModule.AddPolicies"/>.
    /// Every page names its policy; anything without one still needs a signed-in user (the fallback).</summary>
    public static IServiceCollection AddPortalAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Employee, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Administrator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator))
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    /// <summary>Maps every module's HTTP endpoints.</summary>
    public static IEndpointRouteBuilder MapModuleEndpoints(this IEndpointRouteBuilder endpoints)
    {
        foreach (var module in endpoints.ServiceProvider.GetServices<IPortalModule>())
        {
            module.MapEndpoints(endpoints);
        }

        return endpoints;
    }

    /// <summary>Registers every module's page assembly with the endpoint routing (the router gets them in Routes.razor).</summary>
    public static RazorComponentsEndpointConventionBuilder AddModuleAssemblies(this RazorComponentsEndpointConventionBuilder builder, IServiceProvider services)
    {
        var assemblies = services.GetServices<IPortalModule>().Select(m => m.PagesAssembly).Distinct().ToArray();
        return assemblies.Length == 0 ? builder : builder.AddAdditionalAssemblies(assemblies);
    }
}
