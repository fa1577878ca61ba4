using System.Reflection;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using MudBlazor;
using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Domain;
using Superapps.AppCatalog.Pages.AppPage;
using Superapps.AppCatalog.Pages.AppPage.Components;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.AppCatalog.IntegrationTests;

/// <summary>An app's page <c>/aplikasi/{slug}</c> on PostgreSQL: its details and decision, and the daily charts of its last 30 days drawn from the usage stored.</summary>
public sealed class AppDetailPageTests(PostgresServer server) : CataloguePageTest(server)
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var app = await Module.CreateAppAsync(CatalogueHarness.Simpeg() with { Purpose = "Data kepegawaian ASN" });
        var today = CatalogueHarness.Today;
        await Module.RecordUsageAsync(
            new AppUsageBatch(app.Id, today, 16, 3, CatalogueHarness.Buckets((8, 15), (400, 1)), ["u1", "u2", "u3"]),
            new AppUsageBatch(app.Id, today.AddDays(-1), 4, 0, CatalogueHarness.Buckets((3, 4)), ["u1"]),
            new AppUsageBatch(app.Id, today.AddDays(-29), 7, 1, CatalogueHarness.Buckets((1_500, 7)), ["u2", "u4"]),
            // The day before the 30 days: not drawn.
            new AppUsageBatch(app.Id, today.AddDays(-30), 900, 0, CatalogueHarness.Buckets((8, 900)), ["u9"]));

        SignIn("Sekda", CatalogueDirectory.Setda.AgencyId, [Roles.Leader]);
    }

    /// <summary>The series of the chart <paramref name="testId"/>: name and one value per day, oldest first.</summary>
    private static Dictionary<string, double[]> Series(IRenderedComponent<AppDetailPage> page, string testId) =>
        page.FindComponents<UsageChart>().Single(c => c.Instance.TestId == testId).FindComponent<MudChart<double>>()
            .Instance.ChartSeries.ToDictionary(s => s.Name, s => s.Data.Values.Select(v => (double)v!).ToArray());

    [Fact]
    public void The_charts_draw_each_of_the_last_30_days_requests_users_errors_and_latency_from_the_stored_usage()
    {
        typeof(AppDetailPage).GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(AppCatalogPortalModule.PortfolioPolicy);

        var page = Render<AppDetailPage>(p => p.Add(x => x.Slug, "simpeg-lama"));

        page.WaitForAssertion(() => Text(page.Find("[data-testid=app-name]")).ShouldBe("SIMPEG Lama"), Wait);
        Text(page.Find("[data-testid=app-details]")).ShouldContain("Data kepegawaian ASN");
        Text(page.Find("[data-testid=app-decision]")).ShouldContain("Migrasi (Migrate)");
        var usage = Series(page, "usage-requests");
        usage.Keys.ShouldBe(["Permintaan", "Pengguna", "Galat"]);
        usage.Values.ShouldAllBe(days => days.Length == 30);
        (usage["Permintaan"][0], usage["Permintaan"][^2], usage["Permintaan"][^1], usage["Permintaan"].Sum()).ShouldBe((7d, 4d, 16d, 27d));
        (usage["Pengguna"][0], usage["Pengguna"][^2], usage["Pengguna"][^1]).ShouldBe((2d, 1d, 3d));
        (usage["Galat"][0], usage["Galat"][^1], usage["Galat"].Sum()).ShouldBe((1d, 3d, 4d));
        var latency = Series(page, "usage-latency");
        // Today: 15 of 16 within 10 ms, one at 400 ms (bucket ≤ 500); 29 days ago all above 1 s (bucket ≤ 2 s); no requests: 0.
        (latency["p50"][^1], latency["p95"][^1], latency["p95"][^2], latency["p95"][0], latency["p95"][10]).ShouldBe((10d, 500d, 5d, 2000d, 0d));
        Text(page.Find("[data-testid=usage-totals]")).ShouldBe("30 hari terakhir: 27 permintaan, 4 galat.");
    }

    [Fact]
    public void An_unknown_slug_shows_not_found_and_no_charts()
    {
        var page = Render<AppDetailPage>(p => p.Add(x => x.Slug, "tidak-ada"));

        page.WaitForAssertion(() => Text(page.Find("[data-testid=app-not-found]")).ShouldBe(AppErrors.NotFound.Indonesian), Wait);
        page.FindComponents<MudChart<double>>().ShouldBeEmpty();
    }
}
