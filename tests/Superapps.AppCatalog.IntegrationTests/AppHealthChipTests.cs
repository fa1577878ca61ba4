using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Pages.AppPage;
using Superapps.AppCatalog.Pages.Catalogue;
using Superapps.AppCatalog.Pages.Portfolio;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.AppCatalog.IntegrationTests;

/// <summary>
/// The health chip the proxy's reports feed: on the catalogue's rows of apps behind the proxy (none on others) and on the app page with
/// since when and when last checked, in WIB.
/// </summary>
public sealed class AppHealthChipTests(PostgresServer server) : CataloguePageTest(server)
{
    private static readonly DateTimeOffset Down = CatalogueHarness.Now.AddMinutes(-20);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var simpeg = await Module.CreateAppAsync(CatalogueHarness.Simpeg());
        var sipd = await Module.CreateAppAsync(CatalogueHarness.Simpeg("sipd") with { Name = "SIPD" });
        await Module.CreateAppAsync(new("lpse", "LPSE", CatalogueDirectory.Setda.AgencyId, Url: "https://lpse.kota.example/"));
        await Module.Services.GetRequiredService<IAppHealthSink>().RecordAsync([
            new AppHealthReport(simpeg.Id, AppHealth.Unhealthy, Down, CatalogueHarness.Now),
            new AppHealthReport(sipd.Id, AppHealth.Healthy, Down, CatalogueHarness.Now),
        ], Ct);
        SignIn("Admin Diskominfo", CatalogueDirectory.Diskominfo.AgencyId, [Roles.Administrator]);
    }

    [Fact]
    public void The_catalogue_shows_each_proxied_apps_health_and_none_for_apps_outside_the_proxy()
    {
        var cut = Render<CataloguePage>();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=app-link]").Count.ShouldBe(3), Wait);
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=app-health]").Count.ShouldBe(2), Wait);
        var rows = cut.FindAll("tr").Where(r => r.QuerySelector("[data-testid=app-link]") is not null).ToList();
        string? HealthOf(string name) => rows.Single(r => r.QuerySelector("[data-testid=app-link]")!.TextContent == name)
            .QuerySelector("[data-testid=app-health]")?.GetAttribute("data-health");
        HealthOf("SIMPEG Lama").ShouldBe(nameof(AppHealth.Unhealthy));
        HealthOf("SIPD").ShouldBe(nameof(AppHealth.Healthy));
        HealthOf("LPSE").ShouldBeNull();
        var unhealthy = rows.Single(r => r.TextContent.Contains("SIMPEG Lama", StringComparison.Ordinal)).QuerySelector("[data-testid=app-health]")!;
        unhealthy.TextContent.ShouldContain("Tidak sehat");
        unhealthy.GetAttribute("title")!.ShouldContain("08.40");
    }

    [Fact]
    public void The_app_page_says_since_when_the_app_is_unhealthy_and_when_it_was_last_checked()
    {
        var cut = Render<AppDetailPage>(p => p.Add(x => x.Slug, "simpeg-lama"));

        cut.WaitForElement("[data-testid=app-health-detail]", Wait);
        cut.Find("[data-testid=app-health]").GetAttribute("data-health").ShouldBe(nameof(AppHealth.Unhealthy));
        cut.Find("[data-testid=app-health]").TextContent.ShouldContain("Tidak sehat");
        var detail = cut.Find("[data-testid=app-health-detail]").TextContent;
        detail.ShouldContain("Sejak");
        detail.ShouldContain("08.40");
        detail.ShouldContain("terakhir diperiksa");
        detail.ShouldContain("09.00");
    }

    [Fact]
    public void The_portfolio_counts_the_unhealthy_apps_beside_its_headline()
    {
        var cut = Render<PortfolioPage>();

        cut.WaitForElement("[data-testid=portfolio-unhealthy]", Wait);
        cut.Find("[data-testid=portfolio-unhealthy]").TextContent.Trim().ShouldBe("1 aplikasi tidak sehat");
    }

    [Fact]
    public void An_app_the_proxy_never_reported_shows_as_unknown_in_english_too()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
        try
        {
            var cut = Render<Pages.Health.Components.AppHealthChip>(p => p.Add(x => x.Health, null).Add(x => x.ShowDetail, true));

            cut.Find("[data-testid=app-health]").GetAttribute("data-health").ShouldBe(nameof(AppHealth.Unknown));
            cut.Find("[data-testid=app-health]").TextContent.ShouldContain("Unknown");
            cut.Find("[data-testid=app-health-detail]").TextContent.ShouldContain("has not reported");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
