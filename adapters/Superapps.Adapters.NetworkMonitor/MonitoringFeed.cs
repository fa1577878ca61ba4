using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;

namespace Superapps.Adapters.NetworkMonitor;

/// <summary>One device line of the feed, as read.</summary>
internal sealed record FeedDevice(int Index, string? DeviceId, string? SiteCode, string? Name, string? Status, DateTimeOffset? LastSeen, double? LatencyMs, double? PacketLossPercent)
{
    /// <summary>"devices[3] OLT-KOTABARU-01 (KEL-KOTABARU)": where the device is in the feed, for the run's errors.</summary>
    public string Reference => $"devices[{Index}] {DeviceId ?? "?"} ({SiteCode ?? "?"})";
}

/// <summary>The feed as read: when it was generated and its devices.</summary>
internal sealed record FeedDocument(DateTimeOffset GeneratedAt, IReadOnlyList<FeedDevice> Devices);

/// <summary>A site's status made from its devices, or the errors of the devices that could not be read.</summary>
internal sealed record FeedSiteStatus(string SiteCode, MonitoredStatus Status, DateTimeOffset? LastSeen, double? LatencyMs, double? PacketLossPercent, IReadOnlyList<FeedDevice> Devices);

/// <summary>The feed is not the expected JSON: the run fails with this message (both languages).</summary>
internal sealed class MonitoringFeedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads the legacy monitoring feed (<c>GET {base}/api/monitoring/status.json</c>):
/// <c>{"generated_at": "…+07:00", "devices": [{"device_id", "site_code", "name", "status": "UP"|"DOWN"|"DEGRADED", "last_seen",
/// "latency_ms", "packet_loss_pct"}]}</c>. A document that is not that shape fails as a whole; a device line that is wrong is
/// an error of that line only.
/// </summary>
internal static class MonitoringFeed
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, NumberHandling = JsonNumberHandling.AllowReadingFromString };

    public static FeedDocument Parse(string json)
    {
        RawFeed? raw;
        try
        {
            raw = JsonSerializer.Deserialize<RawFeed>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new MonitoringFeedException(
                $"Umpan pemantauan bukan JSON yang sah (baris {ex.LineNumber + 1}, posisi {ex.BytePositionInLine}). / " +
                $"The monitoring feed is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine}).", ex);
        }

        if (raw?.Devices is null)
        {
            throw new MonitoringFeedException("Umpan pemantauan tidak berisi daftar \"devices\". / The monitoring feed has no \"devices\" list.");
        }

        if (raw.GeneratedAt is null)
        {
            throw new MonitoringFeedException("Umpan pemantauan tidak berisi \"generated_at\". / The monitoring feed has no \"generated_at\".");
        }

        return new FeedDocument(raw.GeneratedAt.Value, [.. raw.Devices.Select((d, i) => new FeedDevice(i, d?.DeviceId, d?.SiteCode, d?.Name, d?.Status, d?.LastSeen, d?.LatencyMs, d?.PacketLossPct))]);
    }

    /// <summary>The error of a device line, or null when it reads.</summary>
    public static UserError? Check(FeedDevice device)
    {
        if (string.IsNullOrWhiteSpace(device.SiteCode))
        {
            return new("adapters.network-monitor.site-code", "Perangkat tanpa site_code.", "A device without a site_code.");
        }

        if (StatusOf(device.Status) is null)
        {
            return new("adapters.network-monitor.status",
                $"Status \"{device.Status}\" tidak dikenal (harus UP, DOWN atau DEGRADED).",
                $"Unknown status \"{device.Status}\" (must be UP, DOWN or DEGRADED).");
        }

        return null;
    }

    public static MonitoredStatus? StatusOf(string? status) => status?.Trim().ToUpperInvariant() switch
    {
        "UP" => MonitoredStatus.Up,
        "DOWN" => MonitoredStatus.Down,
        "DEGRADED" => MonitoredStatus.Degraded,
        _ => null,
    };

    /// <summary>
    /// One status per site from its readable devices: the worst status (down, then degraded, then up), the latest time seen, the
    /// highest latency and loss. A site with several devices (an OLT and a switch) is as well as its worst device.
    /// </summary>
    public static IReadOnlyList<FeedSiteStatus> BySite(IEnumerable<FeedDevice> devices) =>
    [
        .. devices.Where(d => Check(d) is null)
            .GroupBy(d => d.SiteCode!.Trim().ToUpperInvariant(), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new FeedSiteStatus(
                g.Key,
                g.Max(d => StatusOf(d.Status)!.Value),
                g.Max(d => d.LastSeen),
                g.Max(d => d.LatencyMs),
                g.Max(d => d.PacketLossPercent),
                [.. g])),
    ];

    public static string Checkpoint(DateTimeOffset generatedAt) => generatedAt.ToString("O", CultureInfo.InvariantCulture);

    private sealed class RawFeed
    {
        [JsonPropertyName("generated_at")]
        public DateTimeOffset? GeneratedAt { get; set; }

        [JsonPropertyName("devices")]
        public List<RawDevice?>? Devices { get; set; }
    }

    private sealed class RawDevice
    {
        [JsonPropertyName("device_id")]
        public string? DeviceId { get; set; }

        [JsonPropertyName("site_code")]
        public string? SiteCode { get; set; }

        [JsonPropertyName("name")]
        public string? Name { get; set; }

        [JsonPropertyName("status")]
        public string? Status { get; set; }

        [JsonPropertyName("last_seen")]
        public DateTimeOffset? LastSeen { get; set; }

        [JsonPropertyName("latency_ms")]
        public double? LatencyMs { get; set; }

        [JsonPropertyName("packet_loss_pct")]
        public double? PacketLossPct { get; set; }
    }
}
