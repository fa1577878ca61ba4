using Microsoft.Extensions.DependencyInjection;

namespace Superapps.Adapters.NetworkMonitor;

/// <summary>Registers the network monitoring adapter in a host.</summary>
public static class NetworkMonitorModule
{
    /// <summary>
    /// The adapter <c>network-monitor</c> with its options (<see cref="NetworkMonitorOptions"/>, section
    /// <c>Superapps:Adapters:NetworkMonitor</c>: off unless <c>Enabled</c>, every five minutes by default) and its HTTP client.
    /// Needs the Tickets module (<c>ISiteMonitoring</c>).
    /// </summary>
    public static IServiceCollection AddNetworkMonitorAdapter(this IServiceCollection services)
    {
        services.AddHttpClient(NetworkMonitorAdapter.HttpClientName);
        return services.AddLegacyAdapter<NetworkMonitorAdapter, NetworkMonitorOptions>(NetworkMonitorAdapter.AdapterKey, NetworkMonitorOptions.Section);
    }
}
