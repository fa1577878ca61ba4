using Superapps.Adapters.Proxy.Access;
using Superapps.AppCatalog.Contracts;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Superapps.Adapters.Proxy.Routing;

/// <summary>Routes as data: one YARP route and cluster per proxied app of the catalogue.</summary>
internal static class ProxyRoutes
{
    /// <summary>The statuses whose apps still run behind the proxy (a retiring app runs until it is retired).</summary>
    public static bool IsForwarded(PublishedApp app) =>
        app.Status is AppStatus.Proxied or AppStatus.Retiring && app.Upstream is { IsAbsoluteUri: true };

    public static (IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters) Build(AppDirectorySnapshot snapshot, ProxyOptions options)
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        foreach (var app in snapshot.Apps.Where(IsForwarded).DistinctBy(a => a.Slug, StringComparer.OrdinalIgnoreCase))
        {
            var id = $"app-{app.Slug}";
            var prefix = ProxyMetadata.Prefix(app.Slug);
            routes.Add(new RouteConfig
            {
                RouteId = id,
                ClusterId = id,
                Match = new RouteMatch { Path = prefix + "/{**rest}" },
                // Every route names its policy; public apps say so on purpose.
                AuthorizationPolicy = app.Access.IsPublic ? "Anonymous" : ProxyPolicies.AppAccess,
                Metadata = new Dictionary<string, string>
                {
                    [ProxyMetadata.AppId] = app.Id.ToString(),
                    [ProxyMetadata.AppSlug] = app.Slug,
                    [ProxyMetadata.Identity] = app.Identity.ToString(),
                },
                Transforms =
                [
                    new Dictionary<string, string> { ["PathRemovePrefix"] = prefix },
                    new Dictionary<string, string> { ["X-Forwarded"] = "Set", ["Prefix"] = "Off" },
                    new Dictionary<string, string> { ["RequestHeader"] = "X-Forwarded-Prefix", ["Set"] = prefix },
                ],
            });
            clusters.Add(new ClusterConfig
            {
                ClusterId = id,
                Destinations = new Dictionary<string, DestinationConfig>
                {
                    ["upstream"] = new() { Address = app.Upstream!.AbsoluteUri, Health = HealthAddress(app.Upstream) },
                },
                HealthCheck = new HealthCheckConfig
                {
                    Active = new ActiveHealthCheckConfig
                    {
                        Enabled = true,
                        Interval = options.HealthCheckInterval,
                        Timeout = options.HealthCheckTimeout,
                        Policy = "ConsecutiveFailures",
                        Path = string.IsNullOrWhiteSpace(app.HealthPath) ? "/" : "/" + app.HealthPath.TrimStart('/'),
                    },
                    Passive = new PassiveHealthCheckConfig { Enabled = true, Policy = "TransportFailureRate", ReactivationPeriod = options.HealthCheckInterval },
                },
                HttpRequest = new ForwarderRequestConfig { ActivityTimeout = options.UpstreamTimeout },
                Metadata = new Dictionary<string, string> { [ProxyMetadata.AppId] = app.Id.ToString(), [ProxyMetadata.AppSlug] = app.Slug },
            });
        }

        return (routes, clusters);
    }

    /// <summary>Health probes go to the app's origin, so that a health path is absolute on the app's host.</summary>
    private static string HealthAddress(Uri upstream) => upstream.GetLeftPart(UriPartial.Authority) + "/";
}
