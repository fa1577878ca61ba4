using System.Reflection;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Datasets.Domain;
using Superapps.Datasets.Pages.Upload;
using Superapps.Testing;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>
/// The upload page on PostgreSQL: the period offered first, a bad file's errors by row, column and value with nothing saved (the period
/// kept), a good file's new version, a file over the limit refused unread, and another OPD's operator refused.
/// </summary>
public sealed class UploadPageTests(PostgresServer server) : DatasetsPageTest(server)
{
    private Dataset _schools = null!;

    protected override void Configure(IServiceCollection services) => services.Configure<DatasetsOptions>(o => o.MaxUploadBytes = 4096);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _schools = DatasetsHarness.Schools();
        await Module.AddAsync(_schools);
    }

    private IRenderedComponent<UploadPage> RenderPage(Features.Access.DataUser who)
    {
        SignIn(who);
        RenderPopoverProvider();
        return Render<UploadPage>(p => p.Add(x => x.Code, _schools.Code));
    }

    private Task<int> VersionsAsync() => Module.ReadAsync(db => db.Versions.CountAsync(Ct));

    [Fact]
    public async Task A_bad_file_shows_its_errors_by_row_column_and_value_saves_nothing_and_keeps_the_chosen_period()
    {
        typeof(UploadPage).GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(DatasetsPortalModule.OperatorPolicy);
        var page = RenderPage(DatasetsHarness.DisdikOperator);
        page.WaitForAssertion(() => Text(page.Find("[data-testid=upload-period]")).ShouldBe("Januari 2026"), Wait);
        await ChooseAsync(page, "upload-period", "2026-10");

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            "kecamatan,jumlah_sekolah\nTelanaipura,12\nKota Baru,dua belas\nTelanaipura,9\n", "sekolah.csv", contentType: "text/csv"));

        page.WaitForAssertion(() => Text(page.Find("[data-testid=upload-failed]")).ShouldContain("sekolah.csv ditolak; tidak ada yang disimpan."), Wait);
        Text(page.Find("[data-testid=upload-failed]")).ShouldContain("2 nilai salah; semuanya ditampilkan");
        var errors = page.FindAll("[data-testid=upload-errors] tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        errors.Count.ShouldBe(2);
        errors[0][..3].ShouldBe(["3", "jumlah_sekolah", "dua belas"]);
        errors[0][3].ShouldContain("Bukan bilangan bulat");
        errors[1][..3].ShouldBe(["4", "kecamatan", "Telanaipura"]);
        Text(page.Find("[data-testid=upload-period]")).ShouldBe("Oktober 2026");
        (await VersionsAsync()).ShouldBe(0);
        (await Module.ReadAsync(db => db.Rows.CountAsync(Ct))).ShouldBe(0);
    }

    [Fact]
    public async Task A_file_with_another_separator_is_refused_as_a_whole_in_English_for_an_English_user()
    {
        UseEnglish();
        var page = RenderPage(DatasetsHarness.DisdikOperator);
        page.WaitForAssertion(() => page.FindAll("[data-testid=upload-file]").Count.ShouldBe(1), Wait);

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("kecamatan|jumlah_sekolah\nTelanaipura|12\n", "sekolah.csv", contentType: "text/csv"));

        page.WaitForAssertion(() => Text(page.Find("[data-testid=upload-file-error]")).ShouldContain("The header reads as one column containing \"|\""), Wait);
        page.FindAll("[data-testid=upload-errors]").ShouldBeEmpty();
        (await VersionsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_good_file_becomes_version_one_awaiting_the_walidata()
    {
        var page = RenderPage(DatasetsHarness.DisdikOperator);
        page.WaitForAssertion(() => page.FindAll("[data-testid=upload-file]").Count.ShouldBe(1), Wait);

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("kecamatan;jumlah_sekolah\nTelanaipura;12\nKota Baru;15\n", "sekolah.csv", contentType: "text/csv"));

        page.WaitForAssertion(() => Text(page.Find("[data-testid=upload-success]"))
            .ShouldContain("sekolah.csv diterima sebagai versi 1 dengan 2 baris, menunggu pemeriksaan walidata."), Wait);
        var version = await Module.ReadAsync(db => db.Versions.SingleAsync(Ct));
        (version.Period, version.Status, version.RowCount, version.UploadedById, version.FileBytes).ShouldBe(("2026-01", VersionStatus.Submitted, 2, DatasetsHarness.DisdikOperator.EmployeeId, 53L));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_by_its_declared_size_without_being_read()
    {
        var page = RenderPage(DatasetsHarness.DisdikOperator);
        page.WaitForAssertion(() => page.FindAll("[data-testid=upload-file]").Count.ShouldBe(1), Wait);

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[5000], "besar.csv", contentType: "text/csv"));

        page.WaitForAssertion(() => Text(page.Find("[data-testid=upload-file-error]")).ShouldContain("Berkas terlalu besar"), Wait);
        page.FindAll("[data-testid=upload-progress]").ShouldBeEmpty();
        (await VersionsAsync()).ShouldBe(0);
    }

    [Fact]
    public void Another_opds_operator_is_refused_as_for_an_unknown_dataset()
    {
        var page = RenderPage(DatasetsHarness.DinkesOperator);

        page.WaitForAssertion(() => Text(page.Find("[data-testid=upload-refused]")).ShouldContain("tidak ditemukan"), Wait);
        page.FindAll("[data-testid=upload-file]").ShouldBeEmpty();
    }

    [Fact]
    public void The_walidata_is_told_only_the_producing_opd_uploads()
    {
        var page = RenderPage(DatasetsHarness.Walidata);

        page.WaitForAssertion(() => Text(page.Find("[data-testid=upload-refused]")).ShouldContain("Hanya operator data OPD produsen"), Wait);
    }
}
