using System.Text.Json;
using System.Text.Json.Serialization;

namespace Superapps.LegacyDemo.Features.Monitoring;

/// <summary>
/// <c>GET /api/monitoring/status.json</c>: the legacy network-monitoring feed the NetworkMonitor adapter pulls. A fixed list of
/// devices at real sites of the Tickets module's demo network (their <c>site_code</c>), one of them down, stamped with the
/// current time in WIB.
/// </summary>
internal static class MonitoringFeed
{
    public const string Path = "/api/monitoring/status.json";

    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };

    /// <summary>The demo devices: id, site code, name, status, seconds since last seen, latency (ms), packet loss (%).</summary>
    internal static readonly IReadOnlyList<(string DeviceId, string SiteCode, string Name, DeviceStatus Status, int SeenSecondsAgo, double LatencyMs, double PacketLossPct)> Devices =
    [
        ("SW-DC-PEMKOT-01", "DC-PEMKOT", "Switch Inti Data Center Pemkot", DeviceStatus.Up, 20, 1.2, 0.0),
        ("SW-DISKOMINFO-01", "DISKOMINFO", "Switch Kantor Diskominfo", DeviceStatus.Up, 25, 2.4, 0.0),
        ("SW-DISDIK-01", "DISDIK", "Switch Kantor Dinas Pendidikan", DeviceStatus.Up, 28, 3.1, 0.0),
        ("OLT-KOTABARU-01", "KEC-KOTABARU", "OLT Kantor Kecamatan Kotabaru", DeviceStatus.Up, 30, 12.5, 0.0),
        ("ONT-SIMPANGEMPAT-01", "KEL-SIMPANGEMPAT", "ONT Kantor Kelurahan Simpang Empat", DeviceStatus.Degraded, 35, 85.0, 7.5),
        ("ONT-SUKAMAJU-01", "KEL-SUKAMAJU", "ONT Kantor Kelurahan Sukamaju", DeviceStatus.Down, 2_700, 0.0, 100.0),
        ("AP-SMPN-KOTABARU-01", "SMPN-KOTABARU", "Access Point SMP Negeri Kotabaru", DeviceStatus.Up, 40, 18.2, 0.5),
    ];

    public static IEndpointRouteBuilder MapMonitoringFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (TimeProvider time) => Results.Json(Build(time.GetUtcNow()), Json));
        return app;
    }

    internal static StatusFeed Build(DateTimeOffset now)
    {
        var generated = Whole(now.ToOffset(Wib));
        return new StatusFeed(generated,
            [.. Devices.Select(d => new DeviceStatusEntry(d.DeviceId, d.SiteCode, d.Name, d.Status, generated.AddSeconds(-d.SeenSecondsAgo), d.LatencyMs, d.PacketLossPct))]);
    }

    private static DateTimeOffset Whole(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset);
}

internal enum DeviceStatus
{
    Up,
    Down,
    Degraded,
}

internal sealed record StatusFeed(DateTimeOffset GeneratedAt, IReadOnlyList<DeviceStatusEntry> Devices);

internal sealed record DeviceStatusEntry(
    string DeviceId, string SiteCode, string Name, DeviceStatus Status, DateTimeOffset LastSeen, double LatencyMs, double PacketLossPct);
