using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using Superapps.Adapters.Proxy.HostRedirects;
using Superapps.AppCatalog.Contracts;

namespace Superapps.Adapters.Proxy.Routing;

/// <summary>The apps the proxy publishes right now, by slug: read by the access check, the retirement redirect and the friendly pages.</summary>
internal sealed class ProxyState(IOptions<ProxyOptions> options)
{
    private volatile FrozenDictionary<string, PublishedApp> _apps = FrozenDictionary<string, PublishedApp>.Empty;
    private volatile HostRedirectMap _hostRedirects = HostRedirectMap.Empty;

    /// <summary>The old host names of the published apps (<see cref="HostRedirectMiddleware"/>).</summary>
    public HostRedirectMap HostRedirects => _hostRedirects;

    /// <summary>Every app of the applied snapshot.</summary>
    public IEnumerable<PublishedApp> Apps => _apps.Values;

    /// <summary>The stamp of the applied snapshot; null before the first successful read.</summary>
    public long? Stamp { get; private set; }

    public PublishedApp? Find(string slug) => _apps.GetValueOrDefault(slug);

    public void Set(AppDirectorySnapshot snapshot)
    {
        _apps = snapshot.Apps
            .GroupBy(a => a.Slug, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        _hostRedirects = HostRedirectMap.Build(_apps.Values, options.Value.PublicBaseUrl?.IdnHost);
        Stamp = snapshot.Stamp;
    }
}

/// <summary>Names shared by the routes and the parts that read them back.</summary>
internal static class ProxyMetadata
{
    public const string AppId = "Superapps.AppId";
    public const string AppSlug = "Superapps.AppSlug";
    public const string Identity = "Superapps.Identity";

    public static string Prefix(string slug) => $"/apps/{slug}";
}
