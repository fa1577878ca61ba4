using System.Reflection;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Datasets.Features.OpenData;
using Superapps.Datasets.Pages.OpenData;
using Superapps.Organization.Contracts;
using Superapps.Testing;

namespace Superapps.Datasets.IntegrationTests.OpenData;

/// <summary>The public open-data pages on PostgreSQL (<see cref="OpenDataWorld"/>), rendered for a visitor who has not signed in.</summary>
public sealed class OpenDataPageTests(PostgresServer server) : SuperappsComponentTest, IAsyncLifetime
{
    /// <summary>How long to wait for a page's database reads: a condition, never a fixed sleep.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private ModuleServices _module = null!;
    private AsyncServiceScope _circuit;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _module = await ModuleServices.CreateAsync(server, s =>
        {
            s.AddDatasetsModule();
            s.AddSingleton<IOrganizationDirectory, OpenDataDirectory>();
        }, clock: new TestClock(OpenDataWorld.Now));
        await OpenDataWorld.SeedAsync(_module.Services, Ct);
        _circuit = _module.CreateScope();
        Services.AddScoped(_ => _circuit.ServiceProvider.GetRequiredService<PublicCatalog>());
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _circuit.DisposeAsync();
        await _module.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static string Text(AngleSharp.Dom.IElement element) => Regex.Replace(element.TextContent, @"\s+", " ").Trim();

    [Fact]
    public void Both_pages_are_public_on_purpose()
    {
        typeof(OpenDataPage).GetCustomAttribute<AllowAnonymousAttribute>().ShouldNotBeNull();
        typeof(OpenDataDatasetPage).GetCustomAttribute<AllowAnonymousAttribute>().ShouldNotBeNull();
        typeof(OpenDataPage).GetCustomAttribute<AuthorizeAttribute>().ShouldBeNull();
    }

    [Fact]
    public void The_catalogue_shows_each_public_dataset_with_its_opd_last_update_and_freshness()
    {
        var page = Render<OpenDataPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid^=dataset-jumlah], [data-testid^=dataset-realisasi]").Count.ShouldBe(4), Wait);
        page.FindAll("[data-testid=dataset-data-rahasia]").ShouldBeEmpty();
        Text(page.Find("[data-testid=result-count]")).ShouldBe("4 dataset");
        var schools = page.Find("[data-testid=dataset-jumlah-sekolah]");
        Text(schools.QuerySelector("[data-testid=dataset-opd]")!).ShouldBe("Dinas Pendidikan");
        Text(schools.QuerySelector("[data-testid=dataset-updated]")!).ShouldBe("Terakhir diperbarui: 1 Desember 2026");
        Text(schools.QuerySelector("[data-testid=freshness-on-time]")!).ShouldBe("Tepat waktu");
        Text(page.Find("[data-testid=dataset-realisasi-anggaran] [data-testid=freshness-late]")).ShouldBe("Terlambat");
        page.Find("[data-testid=dataset-jumlah-puskesmas] [data-testid=freshness-inactive]").ShouldNotBeNull();
        page.Find("[data-testid=dcat-link]").GetAttribute("href").ShouldBe("/data-terbuka/catalog.jsonld");
    }

    [Fact]
    public async Task Searching_filters_on_the_server_by_words_and_by_opd()
    {
        var page = Render<OpenDataPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=datasets] .mud-card").Count.ShouldBe(4), Wait);

        var search = page.FindComponents<MudBlazor.MudTextField<string>>().Single();
        await page.InvokeAsync(() => search.Instance.ValueChanged.InvokeAsync("pendidikan"));
        page.WaitForAssertion(() => page.FindAll("[data-testid=datasets] .mud-card").Count.ShouldBe(1), Wait);
        page.Find("[data-testid=dataset-jumlah-sekolah]").ShouldNotBeNull();

        await page.InvokeAsync(() => search.Instance.ValueChanged.InvokeAsync(string.Empty));
        var agency = page.FindComponents<MudBlazor.MudSelect<Guid>>().Single();
        await page.InvokeAsync(() => agency.Instance.ValueChanged.InvokeAsync(OpenDataWorld.Dukcapil.AgencyId));
        page.WaitForAssertion(() => page.FindAll("[data-testid=datasets] .mud-card").Select(c => c.GetAttribute("data-testid"))
            .ShouldBe(["dataset-jumlah-penduduk", "dataset-realisasi-anggaran"]), Wait);

        await page.InvokeAsync(() => search.Instance.ValueChanged.InvokeAsync("tidak ada yang cocok"));
        page.WaitForAssertion(() => page.Find("[data-testid=no-results]").ShouldNotBeNull(), Wait);
    }

    [Fact]
    public void The_dataset_page_shows_metadata_freshness_the_preview_and_the_published_versions()
    {
        var page = Render<OpenDataDatasetPage>(p => p.Add(x => x.Code, "jumlah-sekolah"));

        page.WaitForAssertion(() => page.FindAll("[data-testid=preview] tbody tr").Count.ShouldBe(4), Wait);
        Text(page.Find("[data-testid=dataset-title]")).ShouldBe("Jumlah Sekolah dan Siswa");
        page.Find("[data-testid=freshness-on-time]").ShouldNotBeNull();
        Text(page.Find("[data-testid=meta-opd]")).ShouldBe("Dinas Pendidikan");
        Text(page.Find("[data-testid=meta-period]")).ShouldBe("November 2026");
        Text(page.Find("[data-testid=meta-frequency]")).ShouldBe("Bulanan");
        Text(page.Find("[data-testid=meta-updated]")).ShouldBe("1 Desember 2026 13.00 WIB");
        Text(page.Find("[data-testid=meta-keywords]")).ShouldBe("sekolah, pendidikan");
        page.FindAll("[data-testid=columns] tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(Text)))
            .ShouldBe(["sekolah | Teks", "jenjang | Teks", "jumlah_siswa | Bilangan bulat", "perubahan | Angka", "dibuka | Tanggal"]);
        page.FindAll("[data-testid=preview] thead th").Select(Text).ShouldBe(["sekolah", "jenjang", "jumlah_siswa", "perubahan", "dibuka"]);
        page.FindAll("[data-testid=preview] tbody tr")[0].QuerySelectorAll("td").Select(Text).ShouldBe(["SDN 1 Telanaipura", "SD", "420", "-2.5", "2001-07-15"]);
        page.Markup.ShouldNotContain("RAHASIA");
        page.FindAll("[data-testid^=version-]").Select(v => v.GetAttribute("data-testid")).ShouldBe(["version-2026-11", "version-2026-10"]);
        page.Find("[data-testid=version-2026-10] a").GetAttribute("href").ShouldBe("/data-terbuka/jumlah-sekolah/unduh.csv?periode=2026-10");
        page.Find("a[data-testid=download-csv]").GetAttribute("href").ShouldBe("/data-terbuka/jumlah-sekolah/unduh.csv");
        page.Find("a[data-testid=download-xlsx]").GetAttribute("href").ShouldBe("/data-terbuka/jumlah-sekolah/unduh.xlsx");
    }

    [Fact]
    public void The_preview_shows_a_returned_datasets_approved_period_and_english_labels()
    {
        UseEnglish();
        var page = Render<OpenDataDatasetPage>(p => p.Add(x => x.Code, "jumlah-penduduk"));

        page.WaitForAssertion(() => page.FindAll("[data-testid=preview] tbody tr").Count.ShouldBe(2), Wait);
        Text(page.Find("[data-testid=meta-period]")).ShouldBe("October 2026");
        Text(page.Find("[data-testid=freshness-on-time]")).ShouldBe("On time");
        page.Markup.ShouldNotContain("BOCOR");
        Text(page.Find("[data-testid=preview-note]")).ShouldBe("2 rows.");
    }

    [Theory]
    [InlineData("data-rahasia")]
    [InlineData("tidak-ada")]
    public void A_dataset_with_nothing_approved_is_not_found(string code)
    {
        var page = Render<OpenDataDatasetPage>(p => p.Add(x => x.Code, code));

        page.WaitForAssertion(() => page.Find("[data-testid=unknown-dataset]").ShouldNotBeNull(), Wait);
        page.FindAll("[data-testid=preview]").ShouldBeEmpty();
    }
}
