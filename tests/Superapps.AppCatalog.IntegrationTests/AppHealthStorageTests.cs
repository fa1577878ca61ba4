using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Features.Catalogue;
using Superapps.Testing;

namespace Superapps.AppCatalog.IntegrationTests;

/// <summary>
/// The proxy's health reports on PostgreSQL (<c>appcatalog.app_health</c>): a change moves the state and its time; a repeated state only moves
/// the time last checked; the directory gives the proxy the apps' own URLs (adapted apps included) for the old host redirects.
/// </summary>
public sealed class AppHealthStorageTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = CatalogueHarness.Now;
    private ModuleServices _services = null!;
    private Guid _app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _services = await CatalogueHarness.CreateAsync(server);
        _app = (await _services.CreateAppAsync(CatalogueHarness.Simpeg())).Id;
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private IAppHealthSink Sink => _services.Services.GetRequiredService<IAppHealthSink>();

    private async Task<Features.Health.AppHealthView?> HealthAsync()
    {
        await using var scope = _services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<CatalogueQueries>().HealthAsync([_app], Ct)).GetValueOrDefault(_app);
    }

    [Fact]
    public async Task A_change_is_stored_with_its_time_and_a_repeated_state_only_moves_the_last_check()
    {
        (await HealthAsync()).ShouldBeNull();

        await Sink.RecordAsync([new AppHealthReport(_app, AppHealth.Healthy, T0, T0)], Ct);
        await Sink.RecordAsync([new AppHealthReport(_app, AppHealth.Healthy, T0.AddMinutes(4), T0.AddMinutes(5))], Ct);
        (await HealthAsync()).ShouldBe(new(AppHealth.Healthy, T0, T0.AddMinutes(5)));

        await Sink.RecordAsync([new AppHealthReport(_app, AppHealth.Unhealthy, T0.AddMinutes(6), T0.AddMinutes(6))], Ct);
        (await HealthAsync()).ShouldBe(new(AppHealth.Unhealthy, T0.AddMinutes(6), T0.AddMinutes(6)));

        // A late report from another portal instance never moves the last check back.
        await Sink.RecordAsync([new AppHealthReport(_app, AppHealth.Unhealthy, T0.AddMinutes(6), T0.AddMinutes(1))], Ct);
        (await HealthAsync())!.CheckedAt.ShouldBe(T0.AddMinutes(6));
    }

    [Fact]
    public async Task One_report_per_app_wins_in_a_batch_and_an_unknown_app_does_not_fail_the_others()
    {
        var gone = Guid.NewGuid();

        await Sink.RecordAsync([
            new AppHealthReport(_app, AppHealth.Healthy, T0, T0),
            new AppHealthReport(_app, AppHealth.Unhealthy, T0.AddSeconds(30), T0.AddSeconds(30)),
            new AppHealthReport(gone, AppHealth.Healthy, T0, T0),
        ], Ct);

        (await HealthAsync())!.Health.ShouldBe(AppHealth.Unhealthy);
    }

    [Fact]
    public async Task Unhealthy_apps_still_behind_the_proxy_are_counted_and_a_deleted_app_takes_its_health_with_it()
    {
        var adapted = await _services.CreateAppAsync(new("monitor-lama", "Monitor Lama", CatalogueDirectory.Bkpsdm.AgencyId, Url: "http://monitor.kota.example/",
            Status: AppStatus.Adapted));
        await Sink.RecordAsync([
            new AppHealthReport(_app, AppHealth.Unhealthy, T0, T0),
            new AppHealthReport(adapted.Id, AppHealth.Unhealthy, T0, T0),
        ], Ct);

        await using (var scope = _services.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<CatalogueQueries>().UnhealthyCountAsync(Ct)).ShouldBe(1);
        }

        await _services.DeskAsync(async d =>
        {
            await d.DeleteAsync(adapted.Id, adapted.Version, Ct);
            return true;
        });
        (await _services.ReadAsync(db => db.Health.AnyAsync(h => h.AppId == adapted.Id, Ct))).ShouldBeFalse();
    }

    [Fact]
    public async Task The_directory_gives_each_apps_own_url_and_publishes_adapted_apps_for_their_old_hosts()
    {
        await _services.CreateAppAsync(new("monitor-lama", "Monitor Lama", CatalogueDirectory.Bkpsdm.AgencyId, Url: "http://monitor.kota.example/status/",
            Status: AppStatus.Adapted));
        await _services.CreateAppAsync(new("lpse", "LPSE", CatalogueDirectory.Setda.AgencyId, Url: "https://lpse.kota.example/", IsPublic: true));

        var snapshot = await _services.Services.GetRequiredService<IAppDirectory>().ReadAsync(Ct);

        snapshot.Apps.Select(a => a.Slug).ShouldBe(["monitor-lama", "simpeg-lama"]);
        var monitor = snapshot.Apps.Single(a => a.Slug == "monitor-lama");
        (monitor.Status, monitor.Upstream, monitor.OriginalUrl).ShouldBe((AppStatus.Adapted, null, new Uri("http://monitor.kota.example/status/")));
    }
}
