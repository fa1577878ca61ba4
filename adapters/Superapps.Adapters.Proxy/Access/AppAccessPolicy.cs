using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Superapps.Adapters.Proxy.Pages;
using Superapps.Adapters.Proxy.Routing;
using Yarp.ReverseProxy.Model;

namespace Superapps.Adapters.Proxy.Access;

/// <summary>Policy names of the proxy.</summary>
public static class ProxyPolicies
{
    /// <summary>A signed-in user whom the app's <see cref="Superapps.AppCatalog.Contracts.AppAccess"/> allows (roles and OPDs).</summary>
    public const string AppAccess = "legacy-app-access";
}

/// <summary>The app's own access rule, read from the catalogue at request time (so a change applies without a restart).</summary>
internal sealed class AppAccessRequirement : IAuthorizationRequirement;

internal sealed class AppAccessHandler(ProxyState state) : AuthorizationHandler<AppAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AppAccessRequirement requirement)
    {
        if (context.Resource is HttpContext http && AppSlugOf(http) is { } slug && state.Find(slug) is { } app
            && ProxyUser.Of(http) is { } user && app.Access.Allows(true, user.Roles, user.AgencyIds))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    /// <summary>The slug of the proxy route the request matched, from the endpoint's metadata (authorization runs before YARP's pipeline).</summary>
    public static string? AppSlugOf(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.Metadata?.GetValueOrDefault(ProxyMetadata.AppSlug);
}

/// <summary>
/// On a proxy route, a signed-in user the app refuses gets a friendly 403 page (not the portal's redirect); everything else
/// (the challenge to sign in included) is handled as usual.
/// </summary>
internal sealed class ProxyAuthorizationResultHandler(ProxyState state) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && AppAccessHandler.AppSlugOf(context) is { } slug)
        {
            await ProxyPages.WriteAsync(context, ProxyPages.Forbidden(state.Find(slug)?.Name ?? slug));
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
