using Bunit;
using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Pages.Launcher;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.AppCatalog.IntegrationTests;

/// <summary>The home page's "Aplikasi" widget: only the apps the user may open, each leading where it should; retired apps never; retiring ones marked.</summary>
public sealed class LauncherTests(PostgresServer server) : CataloguePageTest(server)
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var bkpsdm = CatalogueDirectory.Bkpsdm.AgencyId;
        await Module.CreateAppAsync(CatalogueHarness.Simpeg());
        await Module.CreateAppAsync(CatalogueHarness.Simpeg("simpeg-admin") with { Name = "SIMPEG Admin", Roles = [Roles.Administrator] });
        await Module.CreateAppAsync(CatalogueHarness.Simpeg("e-kinerja") with { Name = "e-Kinerja", AgencyIds = [bkpsdm] });
        await Module.CreateAppAsync(new("lpse", "LPSE Kota", CatalogueDirectory.Setda.AgencyId, Url: "https://lpse.kota.example/", IsPublic: true));
        await Module.CreateAppAsync(new("e-sampah", "Bank Sampah", CatalogueDirectory.Setda.AgencyId, Url: "https://sampah.kota.example/", Status: AppStatus.Retiring));
        await Module.CreateAppAsync(new("sitani", "SI Pertanian", CatalogueDirectory.Setda.AgencyId, Status: AppStatus.ToIntegrate));
        var retired = await Module.CreateAppAsync(CatalogueHarness.Simpeg("e-surat") with { Name = "e-Surat Lama" });
        await Module.DeskAsync(d => d.RetireAsync(retired.Id, retired.Version, "/surat", null, null, Ct));
    }

    [Fact]
    public void An_employee_sees_the_apps_open_to_them_proxied_ones_under_apps_and_others_in_a_new_tab()
    {
        SignIn("Guru Disdik", CatalogueDirectory.Disdik.AgencyId, []);

        var cut = Render<AppLauncher>();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid^=app-tile-]").Where(t => t.GetAttribute("data-testid") != "app-tile-retiring")
            .Select(t => t.GetAttribute("data-testid")).ShouldBe(["app-tile-e-sampah", "app-tile-lpse", "app-tile-simpeg-lama"], ignoreOrder: true), Wait);
        var simpeg = cut.Find("[data-testid=app-tile-simpeg-lama] a");
        (simpeg.GetAttribute("href"), simpeg.GetAttribute("target")).ShouldBe(("/apps/simpeg-lama/", null));
        var lpse = cut.Find("[data-testid=app-tile-lpse] a");
        (lpse.GetAttribute("href"), lpse.GetAttribute("target")).ShouldBe(("https://lpse.kota.example/", "_blank"));
        cut.Find("[data-testid=app-tile-e-sampah] [data-testid=app-tile-retiring]").TextContent.ShouldContain("segera dipensiunkan");
        cut.FindAll("[data-testid=app-tile-lpse] [data-testid=app-tile-retiring]").ShouldBeEmpty();
    }

    [Fact]
    public void An_administrator_acting_for_bkpsdm_also_sees_the_apps_limited_to_that_role_and_opd_but_never_a_retired_one()
    {
        SignIn("Admin Diskominfo", CatalogueDirectory.Diskominfo.AgencyId, [Roles.Administrator], CatalogueDirectory.Bkpsdm.AgencyId);

        var cut = Render<AppLauncher>();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=app-tile-simpeg-admin]").ShouldHaveSingleItem(), Wait);
        cut.FindAll("[data-testid=app-tile-e-kinerja]").ShouldHaveSingleItem();
        cut.FindAll("[data-testid=app-tile-e-surat]").ShouldBeEmpty();
        cut.FindAll("[data-testid=app-tile-sitani]").ShouldBeEmpty();
    }

    [Fact]
    public async Task With_many_apps_the_first_twelve_show_a_search_finds_any_and_show_all_opens_the_rest()
    {
        foreach (var i in Enumerable.Range(1, 12))
        {
            await Module.CreateAppAsync(CatalogueHarness.Simpeg($"app-{i:D2}") with { Name = $"Aplikasi {i:D2}" });
        }

        SignIn("Guru Disdik", CatalogueDirectory.Disdik.AgencyId, []);

        var cut = Render<AppLauncher>();

        // 15 apps are open to this user (three from the setup, twelve here): twelve show at first.
        string[] Tiles() => [.. cut.FindAll("[data-testid^=app-tile-]").Select(t => t.GetAttribute("data-testid")!).Where(t => t != "app-tile-retiring")];
        cut.WaitForAssertion(() => Tiles().Length.ShouldBe(AppLauncher.Collapsed), Wait);
        Tiles().ShouldNotContain("app-tile-simpeg-lama");

        cut.Find("input[data-testid=app-launcher-search]").Input("simpeg");
        cut.WaitForAssertion(() => Tiles().ShouldBe(["app-tile-simpeg-lama"]), Wait);

        cut.Find("input[data-testid=app-launcher-search]").Input("tidak-ada");
        cut.WaitForAssertion(() => cut.Find("[data-testid=app-launcher-none]").TextContent.ShouldContain("Tidak ada aplikasi"), Wait);

        cut.Find("input[data-testid=app-launcher-search]").Input(string.Empty);
        cut.WaitForAssertion(() => cut.Find("[data-testid=app-launcher-toggle]").TextContent.ShouldContain("Tampilkan semua (15)"), Wait);
        cut.Find("[data-testid=app-launcher-toggle]").Click();
        cut.WaitForAssertion(() => Tiles().Length.ShouldBe(15), Wait);
    }
}
