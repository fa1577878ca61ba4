using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Data;
using Superapps.AppCatalog.Features.Directory;
using Superapps.Modularity;
using Superapps.Testing;

namespace Superapps.AppCatalog.IntegrationTests;

/// <summary>
/// The directory the proxy polls, on PostgreSQL: what it publishes, and a stamp that changes on every kind of change, seen by another portal
/// instance (another context factory over the same database) as soon as the change is committed.
/// </summary>
public sealed class AppDirectoryTests(PostgresServer server) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ModuleServices _services = null!;

    public async ValueTask InitializeAsync() => _services = await CatalogueHarness.CreateAsync(server);

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private IAppDirectory Directory => _services.Services.GetRequiredService<IAppDirectory>();

    /// <summary>The directory as another portal instance has it: its own context factory over the same database.</summary>
    private AppDirectory OtherInstance()
    {
        var options = new DbContextOptionsBuilder<AppCatalogDbContext>();
        options.UseModuleDatabase(_services.ConnectionString, AppCatalogDbContext.Schema);
        return new AppDirectory(new OwnContexts(options.Options));
    }

    private sealed class OwnContexts(DbContextOptions<AppCatalogDbContext> options) : IDbContextFactory<AppCatalogDbContext>
    {
        public AppCatalogDbContext CreateDbContext() => new(options);
    }

    [Fact]
    public async Task The_stamp_changes_on_create_update_retire_unretire_and_delete_and_another_instance_sees_it()
    {
        var other = OtherInstance();
        var stamps = new List<long> { await Directory.StampAsync(Ct) };

        var app = await _services.CreateAppAsync(CatalogueHarness.Simpeg());
        stamps.Add(await other.StampAsync(Ct));
        app = await _services.DeskAsync(d => d.UpdateAsync(app.Id, app.Version, CatalogueHarness.Simpeg() with { Upstream = "http://127.0.0.1:5091/" }, Ct));
        stamps.Add(await other.StampAsync(Ct));
        app = await _services.DeskAsync(d => d.RetireAsync(app.Id, app.Version, "/surat", null, null, Ct));
        stamps.Add(await other.StampAsync(Ct));
        app = await _services.DeskAsync(d => d.UnretireAsync(app.Id, app.Version, Ct));
        stamps.Add(await other.StampAsync(Ct));
        await _services.DeskAsync(async d => { await d.DeleteAsync(app.Id, app.Version, Ct); return true; });
        stamps.Add(await other.StampAsync(Ct));

        stamps.ShouldBeUnique();
        stamps.ShouldBeInOrder(SortDirection.Ascending);
        (await Directory.StampAsync(Ct)).ShouldBe(stamps[^1]);
    }

    [Fact]
    public async Task A_refused_change_leaves_the_stamp_as_it_was()
    {
        var app = await _services.CreateAppAsync(CatalogueHarness.Simpeg());
        var before = await Directory.StampAsync(Ct);

        await Should.ThrowAsync<SharedKernel.DomainRuleException>(() => _services.DeskAsync(d => d.RetireAsync(app.Id, app.Version, "https://elsewhere.example/", null, null, Ct)));

        (await Directory.StampAsync(Ct)).ShouldBe(before);
    }

    [Fact]
    public async Task The_snapshot_holds_the_proxied_retiring_and_retired_apps_with_their_settings_at_its_stamp()
    {
        await _services.CreateAppAsync(CatalogueHarness.Simpeg() with { Roles = ["admin"], AgencyIds = [CatalogueDirectory.Bkpsdm.AgencyId], MaxRequestBodyBytes = 2048 });
        await _services.CreateAppAsync(new("lpse", "LPSE", CatalogueDirectory.Setda.AgencyId, Url: "https://lpse.kota.example/", IsPublic: true));
        var retired = await _services.CreateAppAsync(CatalogueHarness.Simpeg("e-surat-lama") with { Name = "e-Surat Lama" });
        await _services.DeskAsync(d => d.RetireAsync(retired.Id, retired.Version, null, "Surat lama ada di arsip Setda.", "Bagian Umum Setda", Ct));

        var snapshot = await OtherInstance().ReadAsync(Ct);

        snapshot.Stamp.ShouldBe(await Directory.StampAsync(Ct));
        snapshot.Apps.Select(a => a.Slug).ShouldBe(["e-surat-lama", "simpeg-lama"]);
        var simpeg = snapshot.Apps.Single(a => a.Slug == "simpeg-lama");
        simpeg.ShouldSatisfyAllConditions(
            a => a.Upstream.ShouldBe(new Uri("http://127.0.0.1:5090/")),
            a => a.Identity.ShouldBe(IdentityMode.SignedHeaders),
            a => a.Access.Roles.ShouldBe(["admin"]),
            a => a.Access.AgencyIds.ShouldBe([CatalogueDirectory.Bkpsdm.AgencyId]),
            a => a.HealthPath.ShouldBe("/health"),
            a => a.MaxRequestBodyBytes.ShouldBe(2048),
            a => a.Retirement.ShouldBeNull());
        var gone = snapshot.Apps.Single(a => a.Slug == "e-surat-lama");
        (gone.Status, gone.Upstream, gone.Retirement!.RedirectPath(gone.Slug)).ShouldBe((AppStatus.Retired, null, "/aplikasi/e-surat-lama/pensiun"));
    }
}
