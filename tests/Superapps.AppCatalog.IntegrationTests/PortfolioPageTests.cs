using System.Reflection;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Pages.Portfolio;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.AppCatalog.IntegrationTests;

/// <summary>
/// The portfolio <c>/aplikasi/portofolio</c> on PostgreSQL, as a leader reads it: the counts line, TIME decisions, yearly cost running and
/// saved, the OPDs' shares, and each app's usage least used first, sorted and paged by the database.
/// </summary>
public sealed class PortfolioPageTests(PostgresServer server) : CataloguePageTest(server)
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var setda = CatalogueDirectory.Setda.AgencyId;
        var simpeg = await Module.CreateAppAsync(CatalogueHarness.Simpeg());
        var kinerja = await Module.CreateAppAsync(CatalogueHarness.Simpeg("e-kinerja") with { Name = "e-Kinerja", YearlyCost = 50_000_000, Decision = TimeDecision.Invest });
        await Module.CreateAppAsync(new("lpse", "LPSE Kota", setda, Url: "https://lpse.kota.example/", YearlyCost: 40_000_000, IsPublic: true));
        await Module.CreateAppAsync(new("e-sampah", "Bank Sampah", setda, YearlyCost: 10_000_000, Status: AppStatus.Retiring, Decision: TimeDecision.Eliminate,
            Reasons: "Diganti aplikasi provinsi."));
        var surat = await Module.CreateAppAsync(CatalogueHarness.Simpeg("e-surat") with { Name = "Surat Lama", OwnerAgencyId = setda, YearlyCost = 30_000_000 });
        await Module.DeskAsync(d => d.RetireAsync(surat.Id, surat.Version, "/surat", null, null, Ct));
        var today = CatalogueHarness.Today;
        await Module.RecordUsageAsync(
            new AppUsageBatch(simpeg.Id, today, 100, 4, CatalogueHarness.Buckets((8, 100)), ["u1", "u2"]),
            new AppUsageBatch(simpeg.Id, today.AddDays(-1), 20, 0, CatalogueHarness.Buckets((8, 20)), ["u2", "u3"]),
            new AppUsageBatch(kinerja.Id, today, 10, 1, CatalogueHarness.Buckets((8, 10)), ["u1"]),
            // Before the last 30 days: not counted.
            new AppUsageBatch(kinerja.Id, today.AddDays(-30), 1_000, 0, CatalogueHarness.Buckets((8, 1_000)), ["u9"]),
            new AppUsageBatch(surat.Id, today.AddDays(-40), 500, 0, CatalogueHarness.Buckets((8, 500)), ["u1"]));
        SignIn("Sekda", CatalogueDirectory.Setda.AgencyId, [Roles.Leader]);
    }

    private IRenderedComponent<PortfolioPage> RenderPage(int apps)
    {
        var page = Render<PortfolioPage>();
        page.WaitForAssertion(() => UsageSlugs(page).Length.ShouldBe(apps), Wait);
        return page;
    }

    private static string[] UsageSlugs(IRenderedComponent<PortfolioPage> page) =>
        [.. page.FindAll("[data-testid=portfolio-usage] tbody [data-testid=usage-app]").Select(c => c.GetAttribute("data-slug")!)];

    private static string Cell(IRenderedComponent<PortfolioPage> page, string slug, string testId) =>
        Text(page.FindAll("[data-testid=portfolio-usage] tbody tr").Single(r => r.QuerySelector($"[data-slug={slug}]") is not null).QuerySelector($"[data-testid={testId}]")!);

    private static void Sort(IRenderedComponent<PortfolioPage> page, string column) => page.Find($"[data-testid=sort-{column}]").Click();

    [Fact]
    public void A_leader_reads_the_counts_decisions_costs_and_opd_shares()
    {
        typeof(PortfolioPage).GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(AppCatalogPortalModule.PortfolioPolicy);
        var page = RenderPage(5);

        Text(page.Find("[data-testid=portfolio-headline]")).ShouldBe(
            "5 aplikasi: 1 dipensiunkan, 2 diproksi, 0 diadaptasi, 1 segera dipensiunkan, 0 belum diintegrasikan, 1 berjalan sendiri");
        var decisions = Text(page.Find("[data-testid=portfolio-decisions]"));
        decisions.ShouldContain("Pertahankan (Tolerate): 1");
        decisions.ShouldContain("Kembangkan (Invest): 1");
        decisions.ShouldContain("Migrasi (Migrate): 2");
        decisions.ShouldContain("Hentikan (Eliminate): 1");
        // Running: 85 + 50 + 40 + 10 million; saved: the retired e-Surat's 30 million.
        Text(page.Find("[data-testid=portfolio-running-cost]")).ShouldContain("Rp 185.000.000");
        Text(page.Find("[data-testid=portfolio-saved-cost]")).ShouldContain("Rp 30.000.000");
        var agencies = page.FindAll("[data-testid=portfolio-agencies] tbody tr").Select(r => r.QuerySelectorAll("td").Select(Text).ToArray()).ToList();
        agencies.ShouldBe([
            [CatalogueDirectory.Setda.Name, "3", "1", "Rp 50.000.000"],
            [CatalogueDirectory.Bkpsdm.Name, "2", "0", "Rp 135.000.000"],
        ]);
    }

    [Fact]
    public void The_usage_list_shows_the_last_30_days_least_used_first_and_retired_apps_last()
    {
        var page = RenderPage(5);

        UsageSlugs(page).ShouldBe(["e-sampah", "lpse", "e-kinerja", "simpeg-lama", "e-surat"]);
        (Cell(page, "simpeg-lama", "usage-requests"), Cell(page, "simpeg-lama", "usage-users"), Cell(page, "simpeg-lama", "usage-errors"))
            .ShouldBe(("120", "3", "4"));
        Cell(page, "simpeg-lama", "usage-p95").ShouldBe("≤ 10 ms");
        // e-Kinerja's 1,000 requests of 30 days before today and e-Surat's of 40 days before are outside the window.
        (Cell(page, "e-kinerja", "usage-requests"), Cell(page, "e-kinerja", "usage-users")).ShouldBe(("10", "1"));
        (Cell(page, "e-surat", "usage-requests"), Cell(page, "e-surat", "usage-p95")).ShouldBe(("0", "—"));
    }

    [Fact]
    public async Task Sorting_by_cost_and_by_usage_asks_the_database_again_so_an_app_added_since_the_page_opened_takes_its_place()
    {
        var page = RenderPage(5);
        // Added after the page read its first page: only a new query of the database can place it.
        var costly = await Module.CreateAppAsync(new("erp", "ERP Kota", CatalogueDirectory.Diskominfo.AgencyId, YearlyCost: 900_000_000));
        await Module.RecordUsageAsync(new AppUsageBatch(costly.Id, CatalogueHarness.Today, 5_000, 0, CatalogueHarness.Buckets((8, 5_000)), ["u1", "u2", "u3", "u4"]));

        Sort(page, "cost");
        page.WaitForAssertion(() => UsageSlugs(page).ShouldBe(["e-sampah", "e-surat", "lpse", "e-kinerja", "simpeg-lama", "erp"]), Wait);
        Sort(page, "cost");
        page.WaitForAssertion(() => UsageSlugs(page).ShouldBe(["erp", "simpeg-lama", "e-kinerja", "lpse", "e-surat", "e-sampah"]), Wait);

        // Equal counts: by name.
        Sort(page, "requests");
        page.WaitForAssertion(() => UsageSlugs(page).ShouldBe(["e-sampah", "lpse", "e-surat", "e-kinerja", "simpeg-lama", "erp"]), Wait);
        Sort(page, "requests");
        page.WaitForAssertion(() => UsageSlugs(page).ShouldBe(["erp", "simpeg-lama", "e-kinerja", "e-sampah", "lpse", "e-surat"]), Wait);
        Cell(page, "erp", "usage-requests").ShouldBe("5.000");

        Sort(page, "users");
        page.WaitForAssertion(() => UsageSlugs(page)[^2..].ShouldBe(["simpeg-lama", "erp"]), Wait);
    }

    [Fact]
    public async Task The_usage_list_pages_in_the_database()
    {
        foreach (var i in Enumerable.Range(1, 25))
        {
            await Module.CreateAppAsync(new($"app-{i:D2}", $"Aplikasi {i:D2}", CatalogueDirectory.Disdik.AgencyId, YearlyCost: i * 1_000_000));
        }

        var page = RenderPage(25);

        // 30 apps: the first page holds the 25 least used (the 25 without usage, by name), never the used or the retired ones.
        UsageSlugs(page).ShouldNotContain("simpeg-lama");
        UsageSlugs(page).ShouldNotContain("e-surat");
        page.WaitForAssertion(() => Text(page.Find("[data-testid=portfolio-usage]")).ShouldContain("1-25 dari 30"), Wait);

        Sort(page, "cost");
        Sort(page, "cost");
        page.WaitForAssertion(() => UsageSlugs(page)[..3].ShouldBe(["simpeg-lama", "e-kinerja", "lpse"]), Wait);
        UsageSlugs(page).ShouldNotContain("app-01");
    }
}
