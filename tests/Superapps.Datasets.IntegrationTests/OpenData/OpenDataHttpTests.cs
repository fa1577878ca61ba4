using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Datasets.Features.OpenData;
using Superapps.Organization.Contracts;
using Superapps.Tabular;
using Superapps.Testing;

namespace Superapps.Datasets.IntegrationTests.OpenData;

/// <summary>
/// The open-data site's files and APIs over real HTTP, anonymously, on PostgreSQL with the real migrations
/// (<see cref="OpenDataWorld"/>): only approved data is public, downloads neutralise formulas, the CKAN API and the DCAT catalogue.
/// </summary>
public sealed class OpenDataHttpTests(PostgresServer server) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ModuleWebHost _host = null!;
    private HttpClient _anonymous = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleWebHost.StartAsync(server, s =>
        {
            s.AddDatasetsModule();
            s.AddSingleton<IOrganizationDirectory, OpenDataDirectory>();
        }, new TestClock(OpenDataWorld.Now));
        await OpenDataWorld.SeedAsync(_host.Services, Ct);
        _anonymous = _host.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _anonymous.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> CkanAsync(string query)
    {
        using var response = await _anonymous.GetAsync($"/api/3/action/{query}", Ct);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject());
    }

    private async Task<string> CsvAsync(string path)
    {
        using var response = await _anonymous.GetAsync(path, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        bytes.AsSpan(0, 3).ToArray().ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "UTF-8 with a byte order mark, so Excel reads the characters right");
        return Encoding.UTF8.GetString(bytes.AsSpan(3));
    }

    [Fact]
    public async Task Anonymous_visitors_list_only_datasets_with_an_approved_version()
    {
        var (status, body) = await CkanAsync("package_list");

        status.ShouldBe(HttpStatusCode.OK);
        body["success"]!.GetValue<bool>().ShouldBeTrue();
        body["help"]!.GetValue<string>().ShouldEndWith("/api/3/action/help_show?name=package_list");
        body["result"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(OpenDataWorld.Codes.Order(StringComparer.Ordinal));
        (await CkanAsync("package_show?id=data-rahasia")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await _anonymous.GetAsync("/data-terbuka/data-rahasia/unduh.csv", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_current_data_is_the_approved_version_of_the_latest_period_and_nothing_waiting_or_returned_leaks()
    {
        var schools = (await CkanAsync("package_show?id=jumlah-sekolah")).Body["result"]!;
        Extra(schools, "period").ShouldBe("2026-11");
        var population = (await CkanAsync("package_show?id=jumlah-penduduk")).Body["result"]!;
        Extra(population, "period").ShouldBe("2026-10", "November was returned");

        var schoolsCsv = await CsvAsync("/data-terbuka/jumlah-sekolah/unduh.csv");
        schoolsCsv.ShouldContain("SDN 1 Telanaipura,SD,420,");
        schoolsCsv.ShouldNotContain("RAHASIA", Case.Sensitive, "a newer upload waiting for review is not public");
        var populationCsv = await CsvAsync("/data-terbuka/jumlah-penduduk/unduh.csv");
        populationCsv.ShouldBe("kecamatan,jumlah\r\nKota Baru,12500\r\nTelanaipura,9800\r\n");

        var october = await CsvAsync("/data-terbuka/jumlah-sekolah/unduh.csv?periode=2026-10");
        october.ShouldContain("SDN 1 Telanaipura,SD,418,");
        var catalog = await _anonymous.GetStringAsync("/data-terbuka/catalog.jsonld", Ct);
        catalog.ShouldNotContain("data-rahasia");
        catalog.ShouldNotContain("BOCOR");
    }

    [Fact]
    public async Task The_csv_download_streams_every_row_with_formulas_neutralised_and_rfc_4180_quoting()
    {
        using var response = await _anonymous.GetAsync("/data-terbuka/jumlah-sekolah/unduh.csv", Ct);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/csv; charset=utf-8");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("jumlah-sekolah-2026-11.csv");
        var csv = await CsvAsync("/data-terbuka/jumlah-sekolah/unduh.csv");

        csv.Split("\r\n").ShouldBe(
        [
            "sekolah,jenjang,jumlah_siswa,perubahan,dibuka",
            "SDN 1 Telanaipura,SD,420,-2.5,2001-07-15",
            "\"'=HYPERLINK(\"\"http://jahat.example\"\",\"\"klik\"\")\",SMP,310,1.25,1999-01-04",
            "'@SUM(A1),SMA,280,0,2010-08-01",
            "\"SMPN 7, \"\"Unggulan\"\"\",SMP,505,3,1985-03-20",
            "",
        ]);
    }

    [Fact]
    public async Task The_xlsx_download_opens_with_typed_values_and_neutralised_text()
    {
        using var response = await _anonymous.GetAsync("/data-terbuka/jumlah-sekolah/unduh.xlsx?periode=2026-11", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("jumlah-sekolah-2026-11.xlsx");
        await using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        var rows = new List<TabularRow>();
        await foreach (var row in TabularReader.ReadAsync(file, TabularFormat.Xlsx, Ct))
        {
            rows.Add(row);
        }

        rows.Count.ShouldBe(5);
        rows[0].Cells.Select(c => c.Text).ShouldBe(["sekolah", "jenjang", "jumlah_siswa", "perubahan", "dibuka"]);
        (rows[1][0].Text, rows[1][2].Text, rows[1][2].IsNumber, rows[1][3].Text).ShouldBe(("SDN 1 Telanaipura", "420", true, "-2.5"));
        rows[2][0].Text.ShouldBe("'=HYPERLINK(\"http://jahat.example\",\"klik\")");
        rows[2][0].IsFormula.ShouldBeFalse();
        rows[3][0].Text.ShouldBe("'@SUM(A1)");
    }

    [Theory]
    [InlineData("/data-terbuka/jumlah-penduduk/unduh.csv?periode=2026-11", "Tidak ada data yang disetujui untuk periode \"2026-11\".", "No approved data for the period \"2026-11\".")]
    [InlineData("/data-terbuka/jumlah-penduduk/unduh.xlsx?periode=1999-01", "Tidak ada data yang disetujui untuk periode \"1999-01\".", "No approved data for the period \"1999-01\".")]
    [InlineData("/data-terbuka/tidak-ada/unduh.csv", "Dataset tidak ditemukan atau belum ada data yang dipublikasikan.", "The dataset was not found, or none of its data is published yet.")]
    public async Task A_download_of_nothing_approved_is_a_bilingual_404(string path, string indonesian, string english)
    {
        using var response = await _anonymous.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        (problem["title"]!.GetValue<string>(), problem["detail"]!.GetValue<string>()).ShouldBe((indonesian, english));
    }

    [Fact]
    public async Task Package_search_pages_sorts_by_modification_and_filters_by_organization_and_words()
    {
        var first = (await CkanAsync("package_search?rows=2&start=0&sort=metadata_modified%20desc")).Body["result"]!;
        var second = (await CkanAsync("package_search?rows=2&start=2&sort=metadata_modified%20desc")).Body["result"]!;

        first["count"]!.GetValue<int>().ShouldBe(4);
        Names(first).Concat(Names(second)).ShouldBe(["jumlah-sekolah", "jumlah-penduduk", "realisasi-anggaran", "jumlah-puskesmas"]);
        Names((await CkanAsync("package_search?fq=organization:dukcapil")).Body["result"]!).ShouldBe(["jumlah-penduduk", "realisasi-anggaran"]);
        Names((await CkanAsync("package_search?fq=organization:tidak-ada")).Body["result"]!).ShouldBeEmpty();
        Names((await CkanAsync("package_search?q=pendidikan")).Body["result"]!).ShouldBe(["jumlah-sekolah"], "a keyword matches");
        Names((await CkanAsync("package_search?q=KECAMATAN&rows=10")).Body["result"]!).ShouldBe(["jumlah-penduduk", "jumlah-puskesmas"], "title or description, any case");
    }

    [Theory]
    [InlineData("package_search?rows=abc", "rows")]
    [InlineData("package_search?rows=5000", "rows")]
    [InlineData("package_search?start=-1", "start")]
    [InlineData("package_search?sort=popularity", "sort")]
    [InlineData("package_search?fq=tags:x", "fq")]
    [InlineData("package_show", "id")]
    [InlineData("organization_show?id=", "id")]
    public async Task Bad_parameters_are_a_ckan_validation_error_with_a_bilingual_message(string query, string field)
    {
        var (status, body) = await CkanAsync(query);

        status.ShouldBe(HttpStatusCode.Conflict);
        body["success"]!.GetValue<bool>().ShouldBeFalse();
        body["error"]!["__type"]!.GetValue<string>().ShouldBe("Validation Error");
        var message = body["error"]![field]!.AsArray().Single()!.GetValue<string>();
        message.ShouldContain(" / ", Case.Sensitive, "Indonesian / English");
    }

    [Theory]
    [InlineData("package_show?id=tidak-ada")]
    [InlineData("organization_show?id=tidak-ada")]
    public async Task Unknown_ids_are_a_ckan_not_found_error(string query)
    {
        var (status, body) = await CkanAsync(query);

        status.ShouldBe(HttpStatusCode.NotFound);
        (body["success"]!.GetValue<bool>(), body["error"]!["__type"]!.GetValue<string>()).ShouldBe((false, "Not Found Error"));
        body["error"]!["message"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        (await CkanAsync("no_such_action")).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Package_show_finds_a_package_by_id_or_name_by_get_or_post_and_describes_it()
    {
        var byName = (await CkanAsync("package_show?id=jumlah-sekolah")).Body["result"]!;
        var byId = (await CkanAsync($"package_show?id={byName["id"]!.GetValue<string>()}")).Body["result"]!;
        using var post = await _anonymous.PostAsync("/api/3/action/package_show", new StringContent("{\"id\": \"jumlah-sekolah\"}", Encoding.UTF8, "application/json"), Ct);
        var byPost = JsonNode.Parse(await post.Content.ReadAsStringAsync(Ct))!["result"]!;

        byId.ToJsonString().ShouldBe(byName.ToJsonString());
        byPost.ToJsonString().ShouldBe(byName.ToJsonString());
        (byName["title"]!.GetValue<string>(), byName["license_id"]!.GetValue<string>(), byName["organization"]!["name"]!.GetValue<string>())
            .ShouldBe(("Jumlah Sekolah dan Siswa", "CC-BY-4.0", "disdik"));
        byName["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ShouldBe(["sekolah", "pendidikan"]);
        var resources = byName["resources"]!.AsArray();
        resources.Select(r => r!["format"]!.GetValue<string>()).ShouldBe(["CSV", "XLSX"]);
        resources[0]!["url"]!.GetValue<string>().ShouldBe(new Uri(_host.Address, "/data-terbuka/jumlah-sekolah/unduh.csv").ToString());
        Extra(byName, "frequency").ShouldBe("monthly");
        byName["metadata_modified"]!.GetValue<string>().ShouldBe("2026-12-01T06:00:00.000000");
        Extra((await CkanAsync("package_show?id=jumlah-puskesmas")).Body["result"]!, "freshness").ShouldBe("inactive");
        Extra((await CkanAsync("package_show?id=realisasi-anggaran")).Body["result"]!, "freshness").ShouldBe("late");
    }

    [Fact]
    public async Task Organizations_are_the_producing_opds_of_public_datasets()
    {
        var names = (await CkanAsync("organization_list")).Body["result"]!.AsArray().Select(n => n!.GetValue<string>());
        var all = (await CkanAsync("organization_list?all_fields=true")).Body["result"]!.AsArray();
        var disdik = (await CkanAsync("organization_show?id=disdik")).Body["result"]!;

        names.ShouldBe(["disdik", "dukcapil"]);
        all.Select(o => (o!["name"]!.GetValue<string>(), o["title"]!.GetValue<string>(), o["package_count"]!.GetValue<int>()))
            .ShouldBe([("disdik", "Dinas Pendidikan", 2), ("dukcapil", "Dinas Kependudukan dan Pencatatan Sipil", 2)]);
        (disdik["id"]!.GetValue<string>(), disdik["package_count"]!.GetValue<int>()).ShouldBe((OpenDataWorld.Disdik.AgencyId.ToString(), 2));
    }

    [Fact]
    public async Task The_dcat_catalogue_is_json_ld_with_one_dataset_per_public_dataset()
    {
        using var response = await _anonymous.GetAsync("/data-terbuka/catalog.jsonld", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/ld+json");
        var catalog = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();

        catalog["@context"]!["dcat"]!.GetValue<string>().ShouldBe("http://www.w3.org/ns/dcat#");
        catalog["@context"]!["dct"]!.GetValue<string>().ShouldBe("http://purl.org/dc/terms/");
        catalog["@type"]!.GetValue<string>().ShouldBe("dcat:Catalog");
        catalog["dct:title"]!["@value"]!.GetValue<string>().ShouldBe("Portal Data Terbuka");
        catalog["dct:publisher"]!["@type"]!.GetValue<string>().ShouldBe("foaf:Organization");
        var datasets = catalog["dcat:dataset"]!.AsArray();
        datasets.Select(d => d!["dct:identifier"]!.GetValue<string>()).Order().ShouldBe(OpenDataWorld.Codes.Order());
        var schools = datasets.Single(d => d!["dct:identifier"]!.GetValue<string>() == "jumlah-sekolah")!;
        schools["@type"]!.GetValue<string>().ShouldBe("dcat:Dataset");
        schools["dct:title"]!["@value"]!.GetValue<string>().ShouldBe("Jumlah Sekolah dan Siswa");
        schools["dcat:keyword"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["sekolah", "pendidikan"]);
        schools["dct:publisher"]!["foaf:name"]!.GetValue<string>().ShouldBe("Dinas Pendidikan");
        schools["dct:accrualPeriodicity"]!["@id"]!.GetValue<string>().ShouldBe("http://publications.europa.eu/resource/authority/frequency/MONTHLY");
        schools["dct:modified"]!["@value"]!.GetValue<string>().ShouldBe("2026-12-01T06:00:00Z");
        schools["dct:license"]!["@id"]!.GetValue<string>().ShouldBe("https://creativecommons.org/licenses/by/4.0/");
        var distributions = schools["dcat:distribution"]!.AsArray();
        distributions.Select(d => d!["dcat:mediaType"]!["@id"]!.GetValue<string>()).ShouldBe(
            ["https://www.iana.org/assignments/media-types/text/csv", "https://www.iana.org/assignments/media-types/" + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]);
        var csvUrl = distributions[0]!["dcat:downloadURL"]!["@id"]!.GetValue<string>();
        (await _anonymous.GetAsync(new Uri(csvUrl).PathAndQuery, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static string Extra(JsonNode package, string key) =>
        package["extras"]!.AsArray().Single(e => e!["key"]!.GetValue<string>() == key)!["value"]!.GetValue<string>();

    private static IEnumerable<string> Names(JsonNode result) => result["results"]!.AsArray().Select(p => p!["name"]!.GetValue<string>());
}
