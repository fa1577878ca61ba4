using System.Collections.Frozen;
using Superapps.AppCatalog.Contracts;
using Superapps.Adapters.Proxy.Routing;

namespace Superapps.Adapters.Proxy.HostRedirects;

/// <summary>
/// Old host names: the host of each app's own URL in the catalogue (proxied, adapted, retiring or retired apps), so that a bookmark such
/// as <c>http://simpeg.kota.example/pegawai/123</c>, once the city points that name at the portal, lands on the app's place in the portal.
/// Hosts compare without case; an app URL with its own port (<c>http://10.10.1.5:8081/</c>) needs that port in the request, one on its
/// scheme's default port matches whatever port the request came to. Apps sharing a host are told apart by the longest path of their URL.
/// </summary>
internal sealed class HostRedirectMap
{
    private static readonly AppStatus[] Redirected = [AppStatus.Proxied, AppStatus.Adapted, AppStatus.Retiring, AppStatus.Retired];

    private readonly FrozenDictionary<string, Entry[]> _byHost;

    private HostRedirectMap(FrozenDictionary<string, Entry[]> byHost) => _byHost = byHost;

    public static HostRedirectMap Empty { get; } = new(FrozenDictionary<string, Entry[]>.Empty);

    /// <summary>Whether any old host is known (the middleware does nothing otherwise).</summary>
    public bool IsEmpty => _byHost.Count == 0;

    /// <summary>Whether <paramref name="host"/> is the host of some old app address.</summary>
    public bool HasHost(string host) => _byHost.ContainsKey(host);

    /// <summary>The map of the apps in a snapshot; <paramref name="portalHost"/> itself is never an old host.</summary>
    public static HostRedirectMap Build(IEnumerable<PublishedApp> apps, string? portalHost)
    {
        var byHost = apps
            .Where(a => Redirected.Contains(a.Status) && a.OriginalUrl is { IsAbsoluteUri: true, Scheme: "http" or "https" })
            .Select(a => (Host: a.OriginalUrl!.IdnHost.ToLowerInvariant(), Entry: new Entry(
                a.OriginalUrl!.IsDefaultPort ? null : a.OriginalUrl.Port, a.OriginalUrl.AbsolutePath.TrimEnd('/'), a)))
            .Where(a => a.Host.Length > 0 && !string.Equals(a.Host, portalHost, StringComparison.OrdinalIgnoreCase))
            .GroupBy(a => a.Host, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.Select(a => a.Entry).OrderBy(e => e.Port is null).ThenByDescending(e => e.BasePath.Length).ThenBy(e => e.App.Slug, StringComparer.Ordinal).ToArray(),
                StringComparer.OrdinalIgnoreCase);
        return new HostRedirectMap(byHost);
    }

    /// <summary>
    /// Where a request to <paramref name="host"/> (and <paramref name="port"/>, null when the Host header named none) for
    /// <paramref name="path"/> and <paramref name="query"/> goes, as a path and query on the portal; null when it is not an old app address
    /// (the portal answers as usual).
    /// </summary>
    public string? Target(string host, int? port, string path, string query)
    {
        if (!_byHost.TryGetValue(host, out var apps))
        {
            return null;
        }

        foreach (var (appPort, basePath, app) in apps)
        {
            if ((appPort is null || appPort == port) && (basePath.Length == 0 || IsUnder(path, basePath)))
            {
                return TargetOf(app, path[basePath.Length..], query);
            }
        }

        return null;
    }

    /// <summary>
    /// A retired app's old URLs go where it was retired to; an app still published behind the proxy goes to <c>/apps/{slug}/</c> with
    /// the rest of the path and the query; an app without a place in the proxy (adapted, or retiring without an upstream) to the portal's
    /// home page, where its data now lives.
    /// </summary>
    public static string TargetOf(PublishedApp app, string rest, string query)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Status == AppStatus.Retired)
        {
            return (app.Retirement ?? new AppRetirement(null)).RedirectPath(app.Slug);
        }

        if (ProxyRoutes.IsForwarded(app))
        {
            return ProxyMetadata.Prefix(app.Slug) + "/" + rest.TrimStart('/') + query;
        }

        return "/";
    }

    private sealed record Entry(int? Port, string BasePath, PublishedApp App);

    private static bool IsUnder(string path, string basePath) =>
        path.StartsWith(basePath, StringComparison.OrdinalIgnoreCase) && (path.Length == basePath.Length || path[basePath.Length] == '/');
}
