using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Adapters.Domain;
using Superapps.Adapters.Features.Runs;
using Superapps.Adapters.NetworkMonitor;
using Superapps.Testing;
using Superapps.Tickets;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain.Sites;
using Superapps.Tickets.Features.Sites;

namespace Superapps.Adapters.IntegrationTests;

/// <summary>The network monitoring adapter against the sample feed served on loopback, into the Tickets module's real sites.</summary>
public sealed class NetworkMonitorTests(PostgresServer server) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string SampleFeed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "NetworkMonitor", "status.json"));

    private FeedServer _feed = null!;
    private ModuleServices _services = null!;

    public async ValueTask InitializeAsync()
    {
        _feed = await FeedServer.StartAsync();
        _feed.Body = SampleFeed;
        _services = await ModuleServices.CreateAsync(server, s =>
        {
            s.AddTicketsModule();
            s.AddNetworkMonitorAdapter();
            s.Configure<NetworkMonitorOptions>(o =>
            {
                o.Enabled = true;
                o.BaseUrl = _feed.Url;
            });
        });
        await using var scope = _services.CreateScope();
        var register = scope.ServiceProvider.GetRequiredService<SiteRegister>();
        var core = await register.AddCoreAsync("CORE-DC", "Core Data Center", Ct);
        var node = await register.AddDistributionAsync("POP-KOTABARU", "POP Kotabaru", core.Id, Ct);
        var agency = Guid.CreateVersion7();
        foreach (var (code, name) in new[] { ("KEL-KOTABARU", "Kantor Kelurahan Kotabaru"), ("KEL-BERINGIN", "Kantor Kelurahan Beringin"), ("DISKOMINFO", "Kantor Diskominfo"), ("DISDIK", "Kantor Disdik") })
        {
            await register.AddSiteAsync(new SiteDetails(code, name, SiteKind.Kelurahan, agency, "Kecamatan Kotabaru", null, null, null), node.Id, Ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _feed.DisposeAsync();
    }

    private async Task<AdapterRunOutcome> RunAsync()
    {
        await using var scope = _services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AdapterRunner>().RunAsync(NetworkMonitorAdapter.AdapterKey, "test", Ct);
    }

    private async Task<Dictionary<string, Site>> SitesAsync()
    {
        await using var scope = _services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().Sites.AsNoTracking().ToDictionaryAsync(s => s.Code, Ct);
    }

    private async Task<IReadOnlyList<AdapterRunErrorRow>> ErrorsAsync(Guid runId)
    {
        await using var scope = _services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<AdapterRunQueries>().ErrorsAsync(runId, 0, 50, Ct)).Items;
    }

    [Fact]
    public async Task The_feed_sets_each_known_sites_status_and_reports_unknown_sites_and_bad_lines()
    {
        var outcome = await RunAsync();

        outcome.Status.ShouldBe(AdapterRunStatus.PartiallyFailed, customMessage: outcome.Status == AdapterRunStatus.Failed ? await RunMessageAsync(outcome.RunId!.Value) : null);
        outcome.Counts.ShouldBe(new AdapterRunCounts(6, 0, 4, 0, 2));
        var sites = await SitesAsync();
        // Two devices at Kotabaru: the site is as well as its worst one.
        sites["KEL-KOTABARU"].MonitoredStatus.ShouldBe(MonitoredStatus.Degraded);
        sites["KEL-KOTABARU"].MonitoredLatencyMs.ShouldBe(85.0);
        sites["KEL-KOTABARU"].MonitoredPacketLossPercent.ShouldBe(4.5);
        sites["KEL-KOTABARU"].MonitoredLastSeen.ShouldBe(DateTimeOffset.Parse("2026-12-02T09:14:30+07:00", System.Globalization.CultureInfo.InvariantCulture));
        sites["KEL-KOTABARU"].MonitoredAt.ShouldBe(DateTimeOffset.Parse("2026-12-02T09:15:00+07:00", System.Globalization.CultureInfo.InvariantCulture));
        sites["KEL-BERINGIN"].MonitoredStatus.ShouldBe(MonitoredStatus.Down);
        sites["KEL-BERINGIN"].MonitoredLatencyMs.ShouldBeNull();
        sites["DISKOMINFO"].MonitoredStatus.ShouldBe(MonitoredStatus.Up);
        sites["DISDIK"].MonitoredStatus.ShouldBeNull();

        var errors = await ErrorsAsync(outcome.RunId!.Value);
        errors.Select(e => e.Code).Order().ShouldBe(["adapters.network-monitor.status", "adapters.network-monitor.unknown-site"]);
        var unknown = errors.Single(e => e.Code == "adapters.network-monitor.unknown-site");
        unknown.Reference.ShouldBe("devices[4] OLT-PASARLAMA-01 (KEL-PASARLAMA)");
        unknown.Indonesian.ShouldContain("KEL-PASARLAMA");
        unknown.English.ShouldContain("is not in the network sites register");
        errors.Single(e => e.Code == "adapters.network-monitor.status").Reference.ShouldBe("devices[5] AP-DISDIK-07 (DISDIK)");

        await using var scope = _services.CreateScope();
        var (problems, up) = await scope.ServiceProvider.GetRequiredService<SiteQueries>().MonitoredAsync(Ct);
        up.ShouldBe(1);
        problems.Select(p => (p.Code, p.Monitor.Status)).ShouldBe([("KEL-BERINGIN", MonitoredStatus.Down), ("KEL-KOTABARU", MonitoredStatus.Degraded)]);
        var (rows, _) = await scope.ServiceProvider.GetRequiredService<SiteQueries>().SitesAsync(new SiteFilter(Text: "KEL-BERINGIN"), 0, 10, Ct);
        rows.Single().Monitor.ShouldNotBeNull().Status.ShouldBe(MonitoredStatus.Down);
    }

    [Fact]
    public async Task A_malformed_feed_fails_the_run_with_a_clear_message_and_leaves_the_stored_statuses_alone()
    {
        await RunAsync();
        _feed.Body = """{"generated_at": "2026-12-02T09:20:00+07:00", "devices": [{"device_id": "OLT-BERINGIN-01", "site_code": "KEL-BERINGIN", "status": "UP" """;

        var outcome = await RunAsync();

        outcome.Status.ShouldBe(AdapterRunStatus.Failed);
        var run = await RunMessageAsync(outcome.RunId!.Value);
        run.ShouldContain("bukan JSON yang sah");
        run.ShouldContain("is not valid JSON");
        (await SitesAsync())["KEL-BERINGIN"].MonitoredStatus.ShouldBe(MonitoredStatus.Down);
    }

    [Fact]
    public async Task A_feed_without_devices_fails_the_run()
    {
        _feed.Body = """{"generated_at": "2026-12-02T09:20:00+07:00", "items": []}""";

        var outcome = await RunAsync();

        outcome.Status.ShouldBe(AdapterRunStatus.Failed);
        (await RunMessageAsync(outcome.RunId!.Value)).ShouldContain("The monitoring feed has no \"devices\" list.");
    }

    [Fact]
    public async Task A_feed_that_is_down_fails_the_run_and_harms_no_stored_data()
    {
        await RunAsync();
        _feed.StatusCode = HttpStatusCode.ServiceUnavailable;
        _feed.Body = "<html>Service Unavailable</html>";

        var outcome = await RunAsync();

        outcome.Status.ShouldBe(AdapterRunStatus.Failed);
        (await RunMessageAsync(outcome.RunId!.Value)).ShouldContain("answered 503");
        var sites = await SitesAsync();
        sites["KEL-KOTABARU"].MonitoredStatus.ShouldBe(MonitoredStatus.Degraded);
        sites["DISKOMINFO"].MonitoredStatus.ShouldBe(MonitoredStatus.Up);
    }

    [Fact]
    public async Task A_feed_nobody_answers_at_fails_the_run_naming_the_address()
    {
        var address = _feed.Url;
        await _feed.DisposeAsync();
        _feed = await FeedServer.StartAsync();

        await using var services = await ModuleServices.CreateAsync(server, s =>
        {
            s.AddTicketsModule();
            s.AddNetworkMonitorAdapter();
            s.Configure<NetworkMonitorOptions>(o =>
            {
                o.Enabled = true;
                o.BaseUrl = address;
            });
        });
        await using var scope = services.CreateScope();

        var outcome = await scope.ServiceProvider.GetRequiredService<AdapterRunner>().RunAsync(NetworkMonitorAdapter.AdapterKey, "test", Ct);

        outcome.Status.ShouldBe(AdapterRunStatus.Failed);
        var (runs, _) = await scope.ServiceProvider.GetRequiredService<AdapterRunQueries>().RunsAsync(NetworkMonitorAdapter.AdapterKey, 0, 1, Ct);
        runs.Single().Message.ShouldNotBeNull().ShouldContain($"The monitoring feed {address}api/monitoring/status.json cannot be reached");
    }

    private async Task<string> RunMessageAsync(Guid runId)
    {
        await using var scope = _services.CreateScope();
        var (runs, _) = await scope.ServiceProvider.GetRequiredService<AdapterRunQueries>().RunsAsync(NetworkMonitorAdapter.AdapterKey, 0, 10, Ct);
        return runs.Single(r => r.Id == runId).Message.ShouldNotBeNull();
    }
}
