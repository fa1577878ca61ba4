using Superapps.AppCatalog.Contracts;

namespace Superapps.Adapters.Proxy.IntegrationTests;

/// <summary>The proxy reports each app's health to the catalogue when it changes: an app that goes down turns unhealthy, and back.</summary>
public sealed class HealthReportTests : IAsyncLifetime
{
    // Health probes every second in the harness; two failed probes in a row mark the app down.
    private static readonly TimeSpan WithinTheHealthInterval = TimeSpan.FromSeconds(10);
    private EchoUpstream _upstream = null!;
    private ProxyHarness _proxy = null!;
    private PublishedApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await EchoUpstream.StartAsync();
        _app = Apps.Simpeg(_upstream.Url);
        _proxy = await ProxyHarness.StartAsync([_app]);
    }

    public async ValueTask DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task An_app_that_goes_down_turns_unhealthy_in_the_catalogue_and_healthy_again_when_it_is_back()
    {
        await Wait.UntilAsync(() => Task.FromResult(_proxy.Health.Of(_app.Id) == AppHealth.Healthy), WithinTheHealthInterval, "the app is reported healthy");
        var port = _upstream.Url.Port;
        var healthy = _proxy.Health.Reports.Last(r => r.AppId == _app.Id);

        await _upstream.DisposeAsync();
        await Wait.UntilAsync(() => Task.FromResult(_proxy.Health.Of(_app.Id) == AppHealth.Unhealthy), WithinTheHealthInterval, "the app is reported unhealthy");
        var unhealthy = _proxy.Health.Reports.Last(r => r.AppId == _app.Id);
        unhealthy.ChangedAt.ShouldBeGreaterThan(healthy.ChangedAt);

        _upstream = await EchoUpstream.StartAsync(port);
        await Wait.UntilAsync(() => Task.FromResult(_proxy.Health.Of(_app.Id) == AppHealth.Healthy), WithinTheHealthInterval, "the app is reported healthy again");

        // Written on change only: one report per transition, not one per probe (a probe runs every second).
        _proxy.Health.Reports.Where(r => r.AppId == _app.Id).Select(r => r.Health)
            .ShouldBe([AppHealth.Healthy, AppHealth.Unhealthy, AppHealth.Healthy]);
    }

    [Fact]
    public async Task An_app_withdrawn_from_the_proxy_is_reported_unknown_once()
    {
        await Wait.UntilAsync(() => Task.FromResult(_proxy.Health.Of(_app.Id) == AppHealth.Healthy), WithinTheHealthInterval, "the app is reported healthy");

        _proxy.Directory.Set(apps => [.. apps.Where(a => a.Id != _app.Id)]);
        await Wait.UntilAsync(() => Task.FromResult(_proxy.Health.Of(_app.Id) == AppHealth.Unknown), WithinTheHealthInterval, "the withdrawn app is reported unknown");

        _proxy.Health.Reports.Count(r => r.AppId == _app.Id && r.Health == AppHealth.Unknown).ShouldBe(1);
    }
}
