using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Superapps.LegacyDemo.Tests;

/// <summary><c>/api/monitoring/status.json</c>: the legacy network-monitoring feed in the documented shape.</summary>
public sealed class MonitoringFeedTests(LegacyDemoServer server) : IClassFixture<LegacyDemoServer>
{
    // Site codes of the Tickets module's demo network (DemoSitesSeeder over the Organization demo agencies).
    private static readonly string[] DemoSiteCodes = ["DC-PEMKOT", "DISKOMINFO", "DISDIK", "KEC-KOTABARU", "KEL-SIMPANGEMPAT", "KEL-SUKAMAJU", "SMPN-KOTABARU"];

    [Fact]
    public async Task The_feed_has_the_documented_shape_with_one_device_down()
    {
        using var client = server.Client();
        using var response = await client.GetAsync("api/monitoring/status.json", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var json = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var feed = JsonDocument.Parse(json);
        var root = feed.RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBe(["generated_at", "devices"]);
        ShouldBeWibTime(root.GetProperty("generated_at").GetString()!);

        var devices = root.GetProperty("devices").EnumerateArray().ToList();
        devices.Count.ShouldBeGreaterThanOrEqualTo(5);
        foreach (var device in devices)
        {
            device.EnumerateObject().Select(p => p.Name)
                .ShouldBe(["device_id", "site_code", "name", "status", "last_seen", "latency_ms", "packet_loss_pct"]);
            device.GetProperty("device_id").GetString().ShouldNotBeNullOrWhiteSpace();
            device.GetProperty("site_code").GetString().ShouldBeOneOf(DemoSiteCodes);
            device.GetProperty("status").GetString().ShouldBeOneOf("UP", "DOWN", "DEGRADED");
            ShouldBeWibTime(device.GetProperty("last_seen").GetString()!);
            device.GetProperty("latency_ms").ValueKind.ShouldBe(JsonValueKind.Number);
            device.GetProperty("packet_loss_pct").GetDouble().ShouldBeInRange(0, 100);
        }

        devices.Count(d => d.GetProperty("status").GetString() == "DOWN").ShouldBe(1);
        devices.Select(d => d.GetProperty("device_id").GetString()).ShouldBeUnique();
        json.ShouldContain("\"OLT-KOTABARU-01\"");
    }

    private static void ShouldBeWibTime(string value)
    {
        value.ShouldEndWith("+07:00");
        DateTimeOffset.ParseExact(value, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture).Offset.ShouldBe(TimeSpan.FromHours(7));
    }
}
