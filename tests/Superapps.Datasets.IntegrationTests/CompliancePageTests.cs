using System.Text.RegularExpressions;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Datasets.Data;
using Superapps.Datasets.Features.Compliance;
using Superapps.Datasets.Pages.Compliance;
using Superapps.Organization.Contracts;
using Superapps.Testing;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>
/// The dashboard page on PostgreSQL (<see cref="SmallCity"/>): the ranking in order with the city's cards, and the drill-down into an
/// OPD's datasets with their status and freshness, linking to each dataset's page. The page's services are the module's real ones,
/// from one scope standing for the circuit.
/// </summary>
public sealed class CompliancePageTests(PostgresServer server) : SuperappsComponentTest, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private ModuleServices _services = null!;
    private AsyncServiceScope _circuit;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var clock = new TestClock(SmallCity.Now);
        _services = await ModuleServices.CreateAsync(server, s => s.AddDatasetsModule().AddSingleton<IOrganizationDirectory, CityDirectory>(), clock: clock);
        await SmallCity.SeedAsync(_services.Services.GetRequiredService<IDbContextFactory<DatasetsDbContext>>(), Ct);
        _circuit = _services.CreateScope();
        Services.AddSingleton<TimeProvider>(clock);
        Services.AddScoped(_ => _circuit.ServiceProvider.GetRequiredService<ComplianceQueries>());
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _circuit.DisposeAsync();
        await _services.DisposeAsync();
    }

    private static string Text(AngleSharp.Dom.IElement element) => Regex.Replace(element.TextContent, @"\s+", " ").Trim();

    [Fact]
    public async Task The_opds_are_ranked_and_a_click_shows_the_opds_datasets()
    {
        RenderPopoverProvider();
        var page = Render<CompliancePage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=agency-name]").Count.ShouldBe(3), Wait);

        page.FindAll("[data-testid=agency-name]").Select(Text).ShouldBe([CityDirectory.Dinkes.Name, CityDirectory.Disdik.Name, CityDirectory.Dukcapil.Name]);
        page.FindAll("[data-testid=agency-percent]").Select(Text).ShouldBe(["100 %", "50 %", "0 %"]);
        Text(page.Find("[data-testid=summary-late]")).ShouldBe("1");
        Text(page.Find("[data-testid=summary-percent]")).ShouldBe("50 %");
        page.Find("[data-testid=compliance-xlsx]").GetAttribute("href").ShouldBe("/data/kepatuhan/unduh.xlsx?bulan=2026-12");

        await page.InvokeAsync(() => page.FindAll("[data-testid=agency-name]")[1].Click());
        page.WaitForAssertion(() => page.FindAll("[data-testid=dataset-link]").Count.ShouldBe(2), Wait);

        page.FindAll("[data-testid=dataset-link]").Select(a => a.GetAttribute("href")).ShouldBe(["/data/jumlah-guru", "/data/jumlah-sekolah"]);
        page.FindAll("[data-testid=dataset-status]").Select(s => s.GetAttribute("data-status")).ShouldBe(["late", "on-time"]);
        page.FindAll("[data-testid=dataset-freshness]").Select(s => s.GetAttribute("data-freshness")).ShouldBe(["very-late", "on-time"]);
        Text(page.Find("[data-testid=agency-detail]")).ShouldContain(CityDirectory.Disdik.Name);
    }

    [Fact]
    public void The_page_is_for_the_compliance_policy_only()
    {
        var attribute = typeof(CompliancePage).GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), false)
            .Cast<Microsoft.AspNetCore.Authorization.AuthorizeAttribute>().ShouldHaveSingleItem();
        attribute.Policy.ShouldBe(DatasetsPortalModule.CompliancePolicy);
        new DatasetsPortalModule().Navigation.ShouldContain(n => n.Href == "/data/kepatuhan" && n.Policy == DatasetsPortalModule.CompliancePolicy);
    }
}
