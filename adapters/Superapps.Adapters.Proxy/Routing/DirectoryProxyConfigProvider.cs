using Microsoft.Extensions.Primitives;
using Superapps.AppCatalog.Contracts;
using Yarp.ReverseProxy.Configuration;

namespace Superapps.Adapters.Proxy.Routing;

/// <summary>
/// YARP's configuration, built from the catalogue: <see cref="Apply"/> swaps in a new configuration and signals the old one's
/// change token, so YARP rebuilds its routes without a restart.
/// </summary>
internal sealed class DirectoryProxyConfigProvider(ProxyState state, Microsoft.Extensions.Options.IOptions<ProxyOptions> options) : IProxyConfigProvider
{
    private volatile DirectoryProxyConfig _config = new([], []);

    public IProxyConfig GetConfig() => _config;

    public void Apply(AppDirectorySnapshot snapshot)
    {
        var (routes, clusters) = ProxyRoutes.Build(snapshot, options.Value);
        state.Set(snapshot);
        var old = _config;
        _config = new DirectoryProxyConfig(routes, clusters);
        old.SignalChange();
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The source is cancelled once, when the config is replaced; YARP may still read the old token, so it is never disposed (YARP's InMemoryConfigProvider does the same).")]
    private sealed class DirectoryProxyConfig(IReadOnlyList<RouteConfig> routes, IReadOnlyList<ClusterConfig> clusters) : IProxyConfig
    {
        private readonly CancellationTokenSource _changed = new();

        public IReadOnlyList<RouteConfig> Routes { get; } = routes;

        public IReadOnlyList<ClusterConfig> Clusters { get; } = clusters;

        public IChangeToken ChangeToken => new CancellationChangeToken(_changed.Token);

        public void SignalChange() => _changed.Cancel();
    }
}
