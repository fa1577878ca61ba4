using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Domain;
using Superapps.Modularity;
using Superapps.Testing;

namespace Superapps.AppCatalog.IntegrationTests;

/// <summary>The demo catalogue: about 72 apps, 20 retired with valid replacements or notices, usage for 30 days, SIMPEG Lama published from the setting; once.</summary>
public sealed class DemoCatalogueSeederTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_catalogue_is_seeded_once_with_simpeg_lama_published_at_the_given_url()
    {
        await using var services = await CatalogueHarness.CreateAsync(server, s => s.Configure<AppCatalogOptions>(o =>
        {
            o.SeedDemoCatalogue = true;
            o.DemoLegacyAppUrl = "http://127.0.0.1:5099/";
        }), seedDemo: true);

        var apps = await services.ReadAsync(db => db.Apps.AsNoTracking().ToListAsync(Ct));
        apps.Count.ShouldBeInRange(70, 80);
        apps.Count(a => a.Status == AppStatus.Retired).ShouldBe(20);
        apps.Where(a => a.Status == AppStatus.Retired).ShouldAllBe(a => a.ReplacementPath != null ? ReplacementPath.IsValid(a.ReplacementPath) : a.RetirementNotice != null);
        apps.Select(a => a.ReplacementPath).ShouldContain("/surat");
        apps.Select(a => a.ReplacementPath).ShouldContain("/tiket");
        apps.Select(a => a.ReplacementPath).ShouldContain("/data");
        apps.Select(a => a.ReplacementPath).ShouldContain("/data-terbuka");
        var simpeg = apps.Single(a => a.Slug == "simpeg-lama");
        (simpeg.Name, simpeg.Status, simpeg.Identity, simpeg.Upstream, simpeg.OwnerAgencyId, simpeg.IsPublic, simpeg.AccessRoles.Count, simpeg.AccessAgencyIds.Count)
            .ShouldBe(("SIMPEG Lama", AppStatus.Proxied, IdentityMode.SignedHeaders, "http://127.0.0.1:5099/", CatalogueDirectory.Bkpsdm.AgencyId, false, 0, 0));
        var sso = apps.Single(a => a.Slug == "simpeg-lama-sso");
        (sso.Identity, sso.Upstream).ShouldBe((IdentityMode.Oidc, "http://127.0.0.1:5099/"));
        (await services.ReadAsync(db => db.UsageDays.Select(u => u.Day).Distinct().CountAsync(Ct))).ShouldBe(30);

        await services.Services.InitializeDatabaseAsync(migrate: false, seedDemo: true, Ct);

        (await services.ReadAsync(db => db.Apps.CountAsync(Ct))).ShouldBe(apps.Count);
    }

    [Fact]
    public async Task Without_the_legacy_app_url_simpeg_lama_is_active_without_an_upstream_and_has_no_sso_twin()
    {
        await using var services = await CatalogueHarness.CreateAsync(server, s => s.Configure<AppCatalogOptions>(o => o.SeedDemoCatalogue = true), seedDemo: true);

        var apps = await services.ReadAsync(db => db.Apps.AsNoTracking().ToListAsync(Ct));
        var simpeg = apps.Single(a => a.Slug == "simpeg-lama");
        (simpeg.Status, simpeg.Upstream).ShouldBe((AppStatus.Active, null));
        apps.ShouldNotContain(a => a.Slug == "simpeg-lama-sso");
    }

    [Fact]
    public async Task Without_the_setting_nothing_is_seeded()
    {
        await using var services = await CatalogueHarness.CreateAsync(server, seedDemo: true);

        (await services.ReadAsync(db => db.Apps.CountAsync(Ct))).ShouldBe(0);
    }
}
