using System.Collections.Frozen;
using Superapps.AppCatalog.Contracts;

namespace Superapps.Adapters.Proxy.Routing;

/// <summary>The apps the proxy publishes right now, by slug: read by the access check, the retirement redirect and the friendly pages.</summary>
internal sealed class ProxyState
{
    private volatile FrozenDictionary<string, PublishedApp> _apps = FrozenDictionary<string, PublishedApp>.Empty;

    /// <summary>The stamp of the applied snapshot; null before the first successful read.</summary>
    public long? Stamp { get; private set; }

    public PublishedApp? Find(string slug) => _apps.GetValueOrDefault(slug);

    public void Set(AppDirectorySnapshot snapshot)
    {
        _apps = snapshot.Apps
            .GroupBy(a => a.Slug, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
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
