using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Adapters.Data;
using Superapps.Adapters.Features.Runs;
using Superapps.Adapters.NetworkMonitor;
using Superapps.Testing;

namespace Superapps.Adapters.IntegrationTests;

/// <summary>
/// A switched-off adapter (the default) whose target module is not even in the host, beside one switched on: its scheduled firing runs
/// nothing and builds nothing, the page lists it as switched off ("Nonaktif"), and the other adapter runs as usual.
/// </summary>
public sealed class SwitchedOffAdapterTests(PostgresServer server) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly Script _script = new();
    private ModuleServices _services = null!;

    public async ValueTask InitializeAsync() =>
        _services = await ModuleServices.CreateAsync(server, s =>
        {
            // The network monitor writes into the Tickets module, which this host does not have; it is off as by default.
            s.AddNetworkMonitorAdapter();
            s.AddSingleton(_script);
            s.AddLegacyAdapter<ScriptedAdapter, ScriptedAdapterOptions>(ScriptedAdapter.AdapterKey, ScriptedAdapterOptions.Section);
            s.Configure<ScriptedAdapterOptions>(o => o.Enabled = true);
        });

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task The_switched_off_adapters_scheduled_firing_runs_nothing_and_the_other_adapter_still_runs()
    {
        await using (var scope = _services.CreateScope())
        {
            var job = scope.ServiceProvider.GetRequiredService<AdapterJob<NetworkMonitorAdapter>>();
            (await job.RunIfEnabledAsync(Ct)).ShouldBeNull();
        }

        await using (var scope = _services.CreateScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<AdapterJob<ScriptedAdapter>>().RunIfEnabledAsync(Ct);
            outcome.ShouldNotBeNull().Status.ShouldBe(Domain.AdapterRunStatus.Succeeded);
        }

        await using var read = _services.CreateScope();
        var runs = await read.ServiceProvider.GetRequiredService<AdaptersDbContext>().Runs.AsNoTracking().Select(r => r.AdapterKey).ToListAsync(Ct);
        runs.ShouldBe([ScriptedAdapter.AdapterKey]);
    }

    [Fact]
    public async Task The_adapters_page_lists_the_switched_off_adapter_as_off_instead_of_failing()
    {
        await using var scope = _services.CreateScope();

        var rows = await scope.ServiceProvider.GetRequiredService<AdapterRunQueries>().AdaptersAsync(Ct);

        var monitor = rows.Single(r => r.Key == NetworkMonitorAdapter.AdapterKey);
        monitor.Enabled.ShouldBeFalse();
        monitor.Section.ShouldBe(NetworkMonitorOptions.Section);
        monitor.LastRun.ShouldBeNull();
        Superapps.Adapters.Pages.Adapters.AdapterLabels.Enabled(monitor.Enabled).ShouldBe("Nonaktif");
        rows.Single(r => r.Key == ScriptedAdapter.AdapterKey).Enabled.ShouldBeTrue();
    }

    [Fact]
    public async Task Running_the_switched_off_adapter_by_hand_is_refused_with_a_bilingual_reason()
    {
        var outcome = await _services.Services.GetRequiredService<AdapterRunLauncher>().StartAsync(NetworkMonitorAdapter.AdapterKey, "admin");

        outcome.Refusal.ShouldBe(AdapterErrors.Disabled);
        outcome.Refusal!.Message().ShouldNotBeNullOrWhiteSpace();
    }
}
