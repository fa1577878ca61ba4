using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Superapps.Adapters.Proxy.Access;
using Superapps.Adapters.Proxy.Guards;
using Superapps.Adapters.Proxy.Health;
using Superapps.Adapters.Proxy.HostRedirects;
using Superapps.Adapters.Proxy.Identity;
using Superapps.Adapters.Proxy.Pages;
using Superapps.Adapters.Proxy.Routing;
using Superapps.Adapters.Proxy.Transforms;
using Superapps.Adapters.Proxy.Usage;
using Superapps.AppCatalog.Contracts;
using Yarp.ReverseProxy.Configuration;

namespace Superapps.Adapters.Proxy;

/// <summary>Registers the legacy app proxy in the portal.</summary>
public static class ProxyModule
{
    /// <summary>The public keys that verify the identity assertion; served without sign-in.</summary>
    public const string JwksPath = "/apps/.well-known/jwks.json";

    /// <summary>Where else the portal's public URL may be configured, read when <see cref="ProxyOptions.PublicBaseUrl"/> is not set.</summary>
    private static readonly string[] PortalUrlSettings = ["Superapps:Notifications:PortalUrl", "Superapps:Signing:PublicBaseUrl"];

    /// <summary>
    /// Adds YARP with routes built from <see cref="IAppDirectory"/> (polled), the access policy, the identity transforms, the guards, the
    /// usage counters flushed to <see cref="IAppUsageSink"/>, the apps' health reported to <see cref="IAppHealthSink"/>, and the redirects of
    /// the apps' old host names (first in the pipeline, through a startup filter). The host's application catalogue provides the three
    /// interfaces; without it the proxy publishes no app and discards nothing (a directory without apps, sinks that keep nothing).
    /// YARP's per-request logs (one or two lines per forwarded request) are kept at Warning.
    /// </summary>
    public static IServiceCollection AddLegacyProxy(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                options.KeyDirectory ??= Path.Combine(configuration["Superapps:DataDirectory"] ?? ".data", "keys", "proxy");
                // The portal's own origin: the assertion's issuer and the host redirects' target. Set it, or the portal's public URL
                // as the notifications or the signing module know it.
                if (options.PublicBaseUrl is null)
                {
                    foreach (var key in PortalUrlSettings)
                    {
                        if (Uri.TryCreate(configuration[key], UriKind.Absolute, out var portal))
                        {
                            options.PublicBaseUrl = portal;
                            break;
                        }
                    }
                }

                if (options.IdentityAuthority is null && Uri.TryCreate(configuration["Superapps:Portal:Authentication:Authority"], UriKind.Absolute, out var authority))
                {
                    options.IdentityAuthority = authority;
                }
            })
            .ValidateDataAnnotations()
            .Validate(o => o.PublicBaseUrl is null || o.PublicBaseUrl.IsAbsoluteUri, $"{ProxyOptions.Section}:PublicBaseUrl must be an absolute URL.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAppDirectory, EmptyAppDirectory>();
        services.TryAddSingleton<IAppUsageSink, EmptyUsageSink>();
        services.TryAddSingleton<IAppHealthSink, EmptyHealthSink>();

        services.TryAddSingleton<ProxyState>();
        services.TryAddSingleton<DirectoryProxyConfigProvider>();
        services.AddSingleton<IProxyConfigProvider>(sp => sp.GetRequiredService<DirectoryProxyConfigProvider>());
        services.TryAddSingleton<DirectoryPoller>();
        services.AddHostedService(sp => sp.GetRequiredService<DirectoryPoller>());

        services.TryAddSingleton<AssertionKey>();
        services.TryAddSingleton<IdentityAssertion>();
        services.TryAddSingleton<AgencyCodes>();

        services.TryAddSingleton<UsageAggregator>();
        services.TryAddSingleton<UsageFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<UsageFlusher>());

        services.TryAddSingleton<AppHealthReporter>();
        services.AddHostedService(sp => sp.GetRequiredService<AppHealthReporter>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, HostRedirectStartupFilter>());

        // YARP logs every forwarded request at Information ("Proxying to …", "Received HTTP/1.1 response 200"): too much for a portal
        // in production, and measurable in the benchmark. A host can still turn them on with the full category name in its logging
        // settings (Logging:LogLevel:Yarp.ReverseProxy.Forwarder.HttpForwarder = Information).
        services.AddLogging(logging => logging.AddFilter("Yarp.ReverseProxy.Forwarder", LogLevel.Warning));

        services.AddAuthorizationBuilder()
            .AddPolicy(ProxyPolicies.AppAccess, p => p.RequireAuthenticatedUser().AddRequirements(new AppAccessRequirement()));
        services.AddSingleton<IAuthorizationHandler, AppAccessHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProxyAuthorizationResultHandler>();

        services.AddReverseProxy().AddTransforms<LegacyAppTransforms>();
        return services;
    }

    /// <summary>
    /// Maps the JWKS, the retirement redirects and unknown apps under <c>/apps/{slug}/</c>, and YARP's routes with the proxy's pipeline:
    /// usage counters, guards, then YARP's own load balancing and passive health checks.
    /// </summary>
    public static IEndpointRouteBuilder MapLegacyProxy(this IEndpointRouteBuilder app)
    {
        app.MapGet(JwksPath, (AssertionKey key, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Text(key.Jwks, "application/json");
        }).AllowAnonymous();

        // Below every app route (a literal slug wins over {slug}): retired apps and slugs the catalogue does not publish.
        app.Map("/apps/{slug}/{**rest}", (string slug, ProxyState state, HttpContext context) =>
        {
            // Kestrel resolved dot segments (also percent-encoded ones) before routing: such a request may have left another app.
            var raw = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? string.Empty;
            if (PathGuard.HasEscapeSequences(raw))
            {
                return ProxyPages.WriteAsync(context, ProxyPages.BadPath(slug));
            }

            var published = state.Find(slug);
            if (published is { Status: AppStatus.Retired } && published.Retirement is { } retirement)
            {
                // 302, not 301: a retirement can be undone, and browsers keep 301s.
                context.Response.Redirect(retirement.RedirectPath(published.Slug));
                return Task.CompletedTask;
            }

            if (published is { Status: AppStatus.Retired })
            {
                context.Response.Redirect(new AppRetirement(null).RedirectPath(published.Slug));
                return Task.CompletedTask;
            }

            return ProxyPages.WriteAsync(context, ProxyPages.NotFound(slug));
        }).AllowAnonymous().WithDisplayName("Legacy apps: retired or unknown").Add(b => ((RouteEndpointBuilder)b).Order = 1000);

        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<UsageMiddleware>();
            proxy.UseMiddleware<ProxyGuardMiddleware>();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }

    /// <summary>Stands in until the host registers the application catalogue: no app is published.</summary>
    private sealed class EmptyAppDirectory : IAppDirectory
    {
        public Task<AppDirectorySnapshot> ReadAsync(CancellationToken cancellationToken = default) => Task.FromResult(new AppDirectorySnapshot(0, []));

        public Task<long> StampAsync(CancellationToken cancellationToken = default) => Task.FromResult(0L);
    }

    /// <summary>Stands in until the host registers the application catalogue: with no app published there is no health to keep.</summary>
    private sealed class EmptyHealthSink : IAppHealthSink
    {
        public Task RecordAsync(IReadOnlyCollection<AppHealthReport> reports, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    /// <summary>Stands in until the host registers the application catalogue: with no app published there is nothing to count.</summary>
    private sealed class EmptyUsageSink : IAppUsageSink
    {
        public Task RecordAsync(IReadOnlyCollection<AppUsageBatch> batches, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
