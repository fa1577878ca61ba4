using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Superapps.Adapters.Proxy.Guards;
using Superapps.Adapters.Proxy.Pages;
using Superapps.Adapters.Proxy.Routing;

namespace Superapps.Adapters.Proxy.HostRedirects;

/// <summary>
/// A request whose <c>Host</c> is an old app host (<see cref="HostRedirectMap"/>) gets a 302 to the app's place on the portal's own
/// origin (<see cref="ProxyOptions.PublicBaseUrl"/>), never on the incoming host; a path that tries to escape gets the guard's 400.
/// Other hosts, the portal's own included, pass untouched. First in the pipeline (before sign-in: an old bookmark must not be
/// challenged on the old host name).
/// </summary>
internal sealed class HostRedirectMiddleware(RequestDelegate next, ProxyState state, IOptions<ProxyOptions> options)
{
    private readonly Uri? _portal = options.Value.PublicBaseUrl;

    public Task InvokeAsync(HttpContext context)
    {
        var map = state.HostRedirects;
        // Every request of the portal passes here: the common case (the portal's own host) costs one dictionary miss.
        if (_portal is null || map.IsEmpty || context.Request.Host.Host is not { Length: > 0 } host || !map.HasHost(host))
        {
            return next(context);
        }

        // The escaped form: it is written back into the redirect as it is.
        var path = context.Request.Path.HasValue ? context.Request.Path.ToUriComponent() : "/";
        var port = context.Request.Host.Port;
        if (map.Target(host, port, path, string.Empty) is null)
        {
            return next(context);
        }

        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? path;
        if (PathGuard.HasEscapeSequences(raw) || PathGuard.HasEscapeSequences(context.Request.Path.Value ?? "/"))
        {
            return ProxyPages.WriteAsync(context, ProxyPages.BadPath(host));
        }

        var target = map.Target(host, port, path, context.Request.QueryString.ToUriComponent())!;
        // 302, not 301: the app may still move, or its retirement be undone. Always on the portal's own origin.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Redirect(_portal.GetLeftPart(UriPartial.Authority) + target);
        return Task.CompletedTask;
    }
}

/// <summary>Puts <see cref="HostRedirectMiddleware"/> first in the host's pipeline, without a line in the host's Program.cs.</summary>
internal sealed class HostRedirectStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<HostRedirectMiddleware>();
        next(app);
    };
}
