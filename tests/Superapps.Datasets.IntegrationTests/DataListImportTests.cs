using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.DataList;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>
/// The data list's import on PostgreSQL: previewed without saving, applied all or nothing (errors by row and column), an existing code
/// updating its entry; and its HTTP endpoint: 200, 422 with the rows, 400 for a wrong header, 403 without the walidata's role.
/// </summary>
public sealed class DataListImportTests(PostgresServer server) : IAsyncLifetime
{
    private const string Header = "kode,judul,deskripsi,kode_opd,frekuensi,hari_jatuh_tempo,periode_awal,kolom,kata_kunci,lisensi\n";

    private const string Good = Header
        + "jumlah-sekolah,Jumlah Sekolah dan Siswa,,DISDIK,bulanan,10,2026-01,\"kecamatan:teks:wajib:kunci; jumlah_sekolah:bilangan-bulat:wajib; jumlah_siswa:bilangan-bulat\",\"pendidikan, siswa\",\n"
        + "penduduk-semester,Jumlah Penduduk,Per kecamatan,DISDUKCAPIL,semesteran,15,2026-S1,kecamatan:teks:wajib:kunci; jumlah:bilangan-bulat:wajib,,CC0-1.0\n";

    private const string Bad = Header
        + "jumlah-sekolah,Jumlah Sekolah,,DISDIK,bulanan,10,2026-01,kecamatan:teks:wajib:kunci,,\n"
        + "Kunjungan Puskesmas,Kunjungan,,DINKES,mingguan,10,2026-01,puskesmas:teks:wajib:kunci,,\n"
        + "imunisasi,Imunisasi,,OPD-ENTAH,triwulanan,40,2026-01,kecamatan:uang,,\n"
        + "jumlah-sekolah,Lagi,,DISDIK,bulanan,10,2026-01,kecamatan:teks,,\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ModuleServices _services = null!;

    public async ValueTask InitializeAsync()
    {
        _services = await DatasetsHarness.CreateAsync(server);
        await _services.AddAsync(DatasetsHarness.Schools());
        _services.Audit.Clear();
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private async Task<DataListImportResult> RunAsync(string csv, bool apply)
    {
        await using var scope = _services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<DataListImport>();
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return apply ? await import.ApplyAsync(file, "daftar-data.csv", Ct) : await import.PreviewAsync(file, "daftar-data.csv", Ct);
    }

    [Fact]
    public async Task A_good_file_is_previewed_without_saving_then_applied_creating_and_updating_by_code_and_audited()
    {
        var preview = await RunAsync(Good, apply: false);

        (preview.Succeeded, preview.Applied, preview.Created, preview.Updated).ShouldBe((true, false, 1, 1));
        (await _services.ReadAsync(db => db.Datasets.CountAsync(Ct))).ShouldBe(1);
        _services.Audit.Events.ShouldBeEmpty();

        var applied = await RunAsync(Good, apply: true);

        (applied.Succeeded, applied.Applied, applied.Created, applied.Updated).ShouldBe((true, true, 1, 1));
        var datasets = await _services.ReadAsync(db => db.Datasets.OrderBy(d => d.Code).ToListAsync(Ct));
        datasets.Select(d => d.Code).ShouldBe(["jumlah-sekolah", "penduduk-semester"]);
        datasets[0].ShouldSatisfyAllConditions(d => d.Title.ShouldBe("Jumlah Sekolah dan Siswa"), d => d.Columns.Count.ShouldBe(3),
            d => d.Keywords.ShouldBe(["pendidikan", "siswa"]));
        datasets[1].ShouldSatisfyAllConditions(d => d.Frequency.ShouldBe(UpdateFrequency.HalfYearly), d => d.FirstPeriod.ShouldBe("2026-S1"),
            d => d.License.ShouldBe("CC0-1.0"), d => d.ProducerAgencyId.ShouldBe(DatasetsDirectory.Disdukcapil.AgencyId));
        _services.Audit.Events.ShouldHaveSingleItem().Action.ShouldBe("dataset.imported");
    }

    [Fact]
    public async Task A_file_with_wrong_rows_lists_each_error_by_row_and_column_and_saves_nothing()
    {
        var result = await RunAsync(Bad, apply: true);

        result.Applied.ShouldBeFalse();
        var errors = result.Errors.Select(e => (e.Row, e.Column, e.Error.Code)).ToList();
        errors.ShouldContain((3, "kode", "datasets.list.code"));
        errors.ShouldContain((3, "frekuensi", "datasets.list.frequency"));
        errors.ShouldContain((4, "kode_opd", "datasets.import.agency"));
        errors.ShouldContain((4, "kolom", "datasets.import.column-type"));
        errors.ShouldContain((5, "kode", "datasets.import.duplicate"));
        errors.ShouldNotContain(e => e.Row == 2);
        result.Errors.ShouldAllBe(e => e.Error.Indonesian != e.Error.English);
        (await _services.ReadAsync(db => db.Datasets.SingleAsync(Ct))).Title.ShouldBe("Jumlah Sekolah per Kecamatan");
        _services.Audit.Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_file_whose_header_misses_columns_is_refused_as_a_whole()
    {
        var result = await RunAsync("kode,judul\njumlah-sekolah,Jumlah\n", apply: true);

        result.IsFileError.ShouldBeTrue();
        result.Errors.ShouldHaveSingleItem().Error.Code.ShouldBe("tabular.missing-columns");
    }

    [Fact]
    public async Task The_endpoint_answers_200_422_with_the_rows_400_for_a_wrong_header_or_a_broken_upload_413_for_a_large_file_and_403_without_the_walidata_role()
    {
        await using var host = await ModuleWebHost.StartAsync(server, s => s.AddSingleton<IOrganizationDirectory, DatasetsDirectory>().AddDatasetsModule(),
            new TestClock(DatasetsHarness.Now));
        var walidata = new TestUser("Wulan", DatasetsDirectory.Walidata.EmployeeId, DatasetsDirectory.Diskominfo.AgencyId, Roles.DataCustodian);
        var operatorData = new TestUser("Dedi", DatasetsDirectory.DisdikOperator.EmployeeId, DatasetsDirectory.Disdik.AgencyId, Roles.DataOperator);
        using var client = host.CreateClient(walidata);

        using (var rows = await PostAsync(client, Bad))
        {
            rows.StatusCode.ShouldBe((HttpStatusCode)422);
            var problem = JsonDocument.Parse(await rows.Content.ReadAsStringAsync(Ct)).RootElement;
            problem.GetProperty("titleEnglish").GetString()!.ShouldContain("Nothing was saved");
            problem.GetProperty("errors").EnumerateArray().ShouldContain(e => e.GetProperty("row").GetInt32() == 4 && e.GetProperty("column").GetString() == "kode_opd"
                && e.GetProperty("message").GetString()!.Contains("OPD-ENTAH") && e.GetProperty("messageEnglish").GetString()!.Contains("OPD-ENTAH"));
        }

        using (var header = await PostAsync(client, "nama,judul\nx,y\n"))
        {
            header.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await header.Content.ReadAsStringAsync(Ct)).ShouldContain("kode_opd");
        }

        // A multipart body that breaks off, and a file over the limit: refusals of their own, never a server error.
        using (var broken = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Address, DataListEndpoints.ImportPath))
        {
            Headers = { { DataListEndpoints.RequestHeader, "1" } },
            Content = new StringContent("--batas\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n\r\nkode", Encoding.UTF8),
        })
        {
            broken.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=batas");
            using var response = await client.SendAsync(broken, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("code").GetString().ShouldBe("datasets.import.no-file");
        }

        using (var tooLarge = await PostAsync(client, Header + new string('x', (int)DataListImport.MaximumBytes + 1)))
        {
            tooLarge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
            JsonDocument.Parse(await tooLarge.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("titleEnglish").GetString()!.ShouldContain("too large");
        }

        using (var forbidden = await PostAsync(host.CreateClient(operatorData), Good))
        {
            forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        await using (var scope = host.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.DatasetsDbContext>>().CreateDbContext().Datasets.CountAsync(Ct)).ShouldBe(0);
        }

        using (var ok = await PostAsync(client, Good))
        {
            ok.StatusCode.ShouldBe(HttpStatusCode.OK);
            JsonDocument.Parse(await ok.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("created").GetInt32().ShouldBe(2);
        }

        using var template = await client.GetAsync(new Uri(host.Address, DataListEndpoints.TemplatePath), Ct);
        template.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await template.Content.ReadAsStringAsync(Ct)).ShouldContain("kode,judul,deskripsi,kode_opd,frekuensi");
        host.Audit.Events.ShouldHaveSingleItem().Action.ShouldBe("dataset.imported");

        async Task<HttpResponseMessage> PostAsync(HttpClient http, string csv)
        {
            using var content = new MultipartFormDataContent();
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            content.Add(file, "file", "daftar-data.csv");
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Address, DataListEndpoints.ImportPath)) { Content = content };
            request.Headers.Add(DataListEndpoints.RequestHeader, "1");
            return await http.SendAsync(request, Ct);
        }
    }
}
