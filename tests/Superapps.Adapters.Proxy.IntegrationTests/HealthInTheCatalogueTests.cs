using Microsoft.Extensions.DependencyInjection;
using Superapps.AppCatalog;
using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Features.Catalogue;
using Superapps.Organization.Contracts;
using Superapps.Testing;

namespace Superapps.Adapters.Proxy.IntegrationTests;

/// <summary>
/// End to end: the proxy's health reports stored by the catalogue's real sink on PostgreSQL (real migrations) and read back as the
/// catalogue's pages read them: an upstream that goes down turns the app unhealthy in the catalogue within the health interval, and back.
/// </summary>
public sealed class HealthInTheCatalogueTests : IClassFixture<PostgresServer>, IAsyncLifetime
{
    private static readonly TimeSpan WithinTheHealthInterval = TimeSpan.FromSeconds(10);
    private readonly PostgresServer _server;
    private ModuleServices _catalogue = null!;
    private EchoUpstream _upstream = null!;
    private ProxyHarness _proxy = null!;
    private PublishedApp _app = null!;

    public HealthInTheCatalogueTests(PostgresServer server) => _server = server;

    public async ValueTask InitializeAsync()
    {
        _catalogue = await ModuleServices.CreateAsync(_server, s =>
        {
            s.AddSingleton<IOrganizationDirectory>(new TestOrganizationDirectory([]));
            s.AddAppCatalogModule();
        });
        _upstream = await EchoUpstream.StartAsync();
        _app = Apps.Simpeg(_upstream.Url);
        _proxy = await ProxyHarness.StartAsync([_app],
            configure: s => s.AddSingleton(_ => _catalogue.Services.GetRequiredService<IAppHealthSink>()));
    }

    public async ValueTask DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _upstream.DisposeAsync();
        await _catalogue.DisposeAsync();
    }

    private async Task<AppHealth?> StoredAsync()
    {
        await using var scope = _catalogue.CreateScope();
        var health = await scope.ServiceProvider.GetRequiredService<CatalogueQueries>().HealthAsync([_app.Id], TestContext.Current.CancellationToken);
        return health.TryGetValue(_app.Id, out var view) ? view.Health : null;
    }

    [Fact]
    public async Task An_upstream_that_goes_down_turns_the_app_unhealthy_in_the_catalogue_and_back()
    {
        await Wait.UntilAsync(async () => await StoredAsync() == AppHealth.Healthy, WithinTheHealthInterval, "the catalogue holds the app healthy");
        var port = _upstream.Url.Port;

        await _upstream.DisposeAsync();
        await Wait.UntilAsync(async () => await StoredAsync() == AppHealth.Unhealthy, WithinTheHealthInterval, "the catalogue holds the app unhealthy");

        _upstream = await EchoUpstream.StartAsync(port);
        await Wait.UntilAsync(async () => await StoredAsync() == AppHealth.Healthy, WithinTheHealthInterval, "the catalogue holds the app healthy again");
    }
}
