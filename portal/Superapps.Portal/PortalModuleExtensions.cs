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

    /// <summary>
    /// Lets signed-out visitors open the interactive circuit (the <c>/_blazor</c> hub and its negotiation), which the fallback policy
    /// would otherwise refuse, so that public pages such as <c>/verifikasi</c> work. Pages are still authorised one by one: each
    /// page endpoint keeps its policy, and the router's <c>AuthorizeRouteView</c> checks the same policy inside the circuit.
    /// </summary>
    public static RazorComponentsEndpointConventionBuilder AllowAnonymousCircuits(this RazorComponentsEndpointConventionBuilder builder)
    {
        builder.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder route && route.RoutePattern.RawText?.TrimStart('/').StartsWith("_blazor", StringComparison.Ordinal) == true)
            {
                route.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
            }
        });
        return builder;
    }

    /// <summary>Registers every module's page assembly with the endpoint routing (the router gets them in Routes.razor).</summary>
    public static RazorComponentsEndpointConventionBuilder AddModuleAssemblies(this RazorComponentsEndpointConventionBuilder builder, IServiceProvider services)
    {
        var assemblies = services.GetServices<IPortalModule>().Select(m => m.PagesAssembly).Distinct().ToArray();
        return assemblies.Length == 0 ? builder : builder.AddAdditionalAssemblies(assemblies);
    }
}
