using System.ComponentModel.DataAnnotations;

namespace Superapps.Adapters.NetworkMonitor;

/// <summary>The network monitoring adapter (section <c>Superapps:Adapters:NetworkMonitor</c>). Off unless configured.</summary>
public sealed class NetworkMonitorOptions : AdapterOptions
{
    public const string Section = "Superapps:Adapters:NetworkMonitor";

    public NetworkMonitorOptions() => Cron = "0 0/5 * * * ?";

    /// <summary>The monitoring system's base URL, e.g. <c>http://10.10.1.5/</c>; the feed is <c>{base}/api/monitoring/status.json</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>How long to wait for the feed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The feed's address under <see cref="BaseUrl"/>.</summary>
    public Uri? FeedUrl => BaseUrl is null ? null : new Uri(BaseUrl, "api/monitoring/status.json");
}
