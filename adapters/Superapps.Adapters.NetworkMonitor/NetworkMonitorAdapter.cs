using System.Net;
using Microsoft.Extensions.Options;
using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;

namespace Superapps.Adapters.NetworkMonitor;

/// <summary>
/// Pulls the legacy network monitoring feed and stores each site's status on the Tickets module's sites register
/// (<see cref="ISiteMonitoring"/>). A site code the register does not know is an error of that device; a feed that is down or not
/// the expected JSON fails the run before anything is stored, so the statuses stored stay as they were.
/// </summary>
internal sealed class NetworkMonitorAdapter(IHttpClientFactory clients, IOptions<NetworkMonitorOptions> options, ISiteMonitoring monitoring) : ILegacyAdapter
{
    public const string AdapterKey = "network-monitor";

    public const string HttpClientName = "superapps-network-monitor";

    public string Key => AdapterKey;

    public AdapterDescription Describe() => new(
        "Pemantauan Jaringan", "Network monitoring",
        options.Value.FeedUrl?.ToString() ?? "(Superapps:Adapters:NetworkMonitor:BaseUrl belum diatur / not set)",
        "Tiket: lokasi jaringan / Tickets: network sites",
        "Status perangkat jaringan per lokasi dari sistem pemantauan lama, ditampilkan di register lokasi dan halaman status jaringan.",
        "Network device status per site from the legacy monitoring system, shown in the sites register and on the network status page.");

    public async Task RunAsync(AdapterRunContext context, CancellationToken cancellationToken)
    {
        var url = options.Value.FeedUrl ?? throw new InvalidOperationException(
            $"{NetworkMonitorOptions.Section}:BaseUrl belum diatur. / {NetworkMonitorOptions.Section}:BaseUrl is not set.");
        var feed = MonitoringFeed.Parse(await FetchAsync(url, cancellationToken));
        context.CountRead(feed.Devices.Count);
        foreach (var device in feed.Devices)
        {
            if (MonitoringFeed.Check(device) is { } error)
            {
                await context.RecordErrorAsync(device.Reference, error, cancellationToken);
            }
        }

        foreach (var site in MonitoringFeed.BySite(feed.Devices))
        {
            var known = await monitoring.ReportStatusAsync(
                new SiteStatusReport(site.SiteCode, site.Status, site.LastSeen, site.LatencyMs, site.PacketLossPercent, feed.GeneratedAt), cancellationToken);
            foreach (var device in site.Devices)
            {
                if (!known)
                {
                    await context.RecordErrorAsync(device.Reference, new UserError("adapters.network-monitor.unknown-site",
                        $"Kode lokasi \"{site.SiteCode}\" tidak ada di register lokasi jaringan.",
                        $"The site code \"{site.SiteCode}\" is not in the network sites register."), cancellationToken);
                }
                else
                {
                    context.CountUpdated();
                }
            }
        }

        await context.SaveCheckpointAsync(MonitoringFeed.Checkpoint(feed.GeneratedAt), cancellationToken);
    }

    private async Task<string> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(HttpClientName);
        client.Timeout = options.Value.Timeout;
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync(url, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new MonitoringFeedException(
                $"Umpan pemantauan {url} tidak dapat dihubungi: {ex.Message} / The monitoring feed {url} cannot be reached: {ex.Message}", ex);
        }

        using (response)
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new MonitoringFeedException(
                    $"Umpan pemantauan {url} menjawab {(int)response.StatusCode} {response.ReasonPhrase}. / The monitoring feed {url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            return await response.Content.ReadAsStringAsync(cancellationToken);
        }
    }
}
