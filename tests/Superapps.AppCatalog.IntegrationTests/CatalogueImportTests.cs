using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Data;
using Superapps.AppCatalog.Features.Import;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.AppCatalog.IntegrationTests;

/// <summary>
/// The catalogue's import on PostgreSQL: previewed without saving, applied all or nothing (errors by row and column), an existing slug updating its
/// app; and its HTTP endpoint: 200, 422 with the rows, 400 without the request header or with a wrong header row, 403 without the administrator's role.
/// </summary>
public sealed class CatalogueImportTests(PostgresServer server) : IAsyncLifetime
{
    private const string Header = "slug,nama,kode_opd,vendor,url,tujuan,pengguna,jumlah_pengguna,biaya_tahunan,teknologi,hosting,status,keputusan,alasan,akses,upstream,identitas\n";

    private const string Good = Header
        + "simpeg-lama,SIMPEG Lama (baru),BKPSDM,PT Data Nusantara,,Kepegawaian,,180,\"85.000.000\",PHP,Diskominfo,diproksi,migrasi,Ke portal,pegawai,http://simpeg.kota.example/,signed-headers\n"
        + "lpse,LPSE Kota,SETDA,LKPP,https://lpse.kota.example/,Pengadaan,,600,0,Java,LKPP,aktif,pertahankan,,publik,,\n";

    private const string Bad = Header
        + "lpse,LPSE Kota,SETDA,LKPP,https://lpse.kota.example/,Pengadaan,,600,0,Java,LKPP,aktif,pertahankan,,publik,,\n"
        + "SIMDA Keuangan,SIMDA,BPKAD,,,,,,banyak,,,hidup,hentikan,,,,\n"
        + "e-absen,e-Absen,BKPSDM,,,,,,,,,diproksi,kembangkan,,publik,,signed-headers\n"
        + "lpse,Lagi,SETDA,,,,,,,,,aktif,pertahankan,,\"peran=raja; opd=ENTAH\",,\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ModuleServices _services = null!;

    public async ValueTask InitializeAsync()
    {
        _services = await CatalogueHarness.CreateAsync(server);
        await _services.CreateAppAsync(CatalogueHarness.Simpeg());
        _services.Audit.Clear();
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private async Task<CatalogueImportResult> RunAsync(string csv, bool apply)
    {
        await using var scope = _services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<CatalogueImport>();
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return apply ? await import.ApplyAsync(file, "katalog.csv", Ct) : await import.PreviewAsync(file, "katalog.csv", Ct);
    }

    [Fact]
    public async Task A_good_file_is_previewed_without_saving_then_applied_creating_and_updating_by_slug_and_audited()
    {
        var preview = await RunAsync(Good, apply: false);

        (preview.Succeeded, preview.Applied, preview.Created, preview.Updated).ShouldBe((true, false, 1, 1));
        (await _services.ReadAsync(db => db.Apps.CountAsync(Ct))).ShouldBe(1);

        var applied = await RunAsync(Good, apply: true);

        (applied.Succeeded, applied.Applied, applied.Created, applied.Updated).ShouldBe((true, true, 1, 1));
        var apps = await _services.ReadAsync(db => db.Apps.OrderBy(a => a.Slug).ToListAsync(Ct));
        apps.Select(a => a.Slug).ShouldBe(["lpse", "simpeg-lama"]);
        apps[0].ShouldSatisfyAllConditions(a => a.IsPublic.ShouldBeTrue(), a => a.OwnerAgencyId.ShouldBe(CatalogueDirectory.Setda.AgencyId), a => a.Status.ShouldBe(AppStatus.Active));
        apps[1].ShouldSatisfyAllConditions(a => a.Name.ShouldBe("SIMPEG Lama (baru)"), a => a.YearlyCost.ShouldBe(85_000_000),
            a => a.Upstream.ShouldBe("http://simpeg.kota.example/"), a => a.Decision.ShouldBe(TimeDecision.Migrate));
        _services.Audit.Events.ShouldHaveSingleItem().Action.ShouldBe("app.imported");
    }

    [Fact]
    public async Task A_file_with_wrong_rows_lists_each_error_by_row_and_column_and_saves_nothing()
    {
        var before = await _services.ReadAsync(db => db.Apps.AsNoTracking().SingleAsync(Ct));

        var result = await RunAsync(Bad, apply: true);

        result.Applied.ShouldBeFalse();
        var cells = result.Errors.Select(e => (e.Row, e.Column)).ToList();
        cells.ShouldContain((3, "slug"));
        cells.ShouldContain((3, "kode_opd"));
        cells.ShouldContain((3, "biaya_tahunan"));
        cells.ShouldContain((3, "status"));
        cells.ShouldContain((4, "upstream"));
        cells.ShouldContain((4, "identitas"));
        cells.ShouldContain((5, "slug"));
        result.Errors.ShouldAllBe(e => e.Error.Indonesian.Length > 0 && e.Error.English.Length > 0 && e.Error.Indonesian != e.Error.English);
        var after = await _services.ReadAsync(db => db.Apps.AsNoTracking().ToListAsync(Ct));
        after.ShouldHaveSingleItem().ShouldSatisfyAllConditions(a => a.Name.ShouldBe(before.Name), a => a.Version.ShouldBe(before.Version));
        _services.Audit.Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_endpoint_answers_200_422_with_the_rows_400_without_the_header_or_a_proper_file_and_403_without_the_administrator_role()
    {
        await using var host = await ModuleWebHost.StartAsync(server, s => s.AddSingleton<IOrganizationDirectory, CatalogueDirectory>().AddAppCatalogModule(),
            new TestClock(CatalogueHarness.Now));
        var admin = new TestUser("Admin Diskominfo", Guid.CreateVersion7(), CatalogueDirectory.Diskominfo.AgencyId, Roles.Administrator);
        using var client = host.CreateClient(admin);

        using (var ok = await PostAsync(client, Good))
        {
            ok.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var body = JsonDocument.Parse(await ok.Content.ReadAsStringAsync(Ct));
            body.RootElement.GetProperty("created").GetInt32().ShouldBe(2);
        }

        using (var refused = await PostAsync(client, Bad))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct));
            body.RootElement.GetProperty("titleEnglish").GetString()!.ShouldContain("Nothing was saved");
            body.RootElement.GetProperty("errors").EnumerateArray().ShouldContain(e => e.GetProperty("row").GetInt32() == 3 && e.GetProperty("column").GetString() == "status");
        }

        using (var wrongHeader = await PostAsync(client, "slug,nama\nx,y\n"))
        {
            wrongHeader.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        using (var noHeader = await PostAsync(client, Good, withRequestHeader: false))
        {
            noHeader.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await noHeader.Content.ReadAsStringAsync(Ct)).ShouldContain("X-Superapps-Request");
        }

        using (var notMultipart = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, CatalogueEndpoints.ImportPath)
        {
            Headers = { { CatalogueEndpoints.RequestHeader, "1" } }, Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        }, Ct))
        {
            notMultipart.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        using var leader = host.CreateClient(new TestUser("Sekda", Guid.CreateVersion7(), CatalogueDirectory.Setda.AgencyId, Roles.Leader));
        using (var forbidden = await PostAsync(leader, Good))
        {
            forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using var anonymous = host.CreateClient();
        using (var template = await anonymous.GetAsync(CatalogueEndpoints.TemplatePath, Ct))
        {
            template.StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Found, HttpStatusCode.Forbidden);
        }

        using (var template = await client.GetAsync(CatalogueEndpoints.TemplatePath, Ct))
        {
            template.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await template.Content.ReadAsStringAsync(Ct)).ShouldContain("simpeg-lama");
        }

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppCatalogDbContext>>().CreateDbContextAsync(Ct);
        (await db.Apps.CountAsync(Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task The_template_imports_as_it_is()
    {
        var result = await RunAsync(CatalogueImport.Template, apply: false);

        result.Errors.ShouldBeEmpty();
        result.Rows.ShouldBe(2);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string csv, bool withRequestHeader = true)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "katalog.csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, CatalogueEndpoints.ImportPath) { Content = content };
        if (withRequestHeader)
        {
            request.Headers.Add(CatalogueEndpoints.RequestHeader, "1");
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
