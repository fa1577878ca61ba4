using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Superapps.Datasets.Pages.DataList;
using Superapps.Testing;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>The data list page's import dialog on PostgreSQL: wrong rows listed by row and column with nothing saved; a good file checked, then saved.</summary>
public sealed class DataListImportDialogTests(PostgresServer server) : DatasetsPageTest(server)
{
    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<DataListPage> Page) OpenImport()
    {
        SignIn(DatasetsHarness.Walidata);
        var dialogs = RenderDialogProvider();
        var page = Render<DataListPage>();
        page.WaitForAssertion(() => Text(page.Find("[data-testid=datasets] tbody")).ShouldContain("Tidak ada dataset yang cocok."), Wait);
        page.Find("[data-testid=dataset-import]").Click();
        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-testid=import-dialog]").Count.ShouldBe(1), Wait);
        return (dialogs, page);
    }

    [Fact]
    public async Task Wrong_rows_are_listed_by_row_and_column_and_nothing_is_saved()
    {
        var (dialogs, _) = OpenImport();

        dialogs.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            "kode,judul,kode_opd,frekuensi,hari_jatuh_tempo,periode_awal,kolom\n"
            + "jumlah-sekolah,Jumlah Sekolah,DISDIK,bulanan,10,2026-01,kecamatan:teks:wajib:kunci\n"
            + "kunjungan,Kunjungan,DINKES,mingguan,10,2026-01,puskesmas:teks\n", "salah.csv", contentType: "text/csv"));

        dialogs.WaitForAssertion(() => Text(dialogs.Find("[data-testid=import-refused]")).ShouldContain("salah.csv tidak dapat diimpor; tidak ada yang disimpan"), Wait);
        var errors = dialogs.FindAll("[data-testid=import-errors] tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        errors.ShouldHaveSingleItem()[..2].ShouldBe(["3", "frekuensi"]);
        dialogs.Find("[data-testid=import-apply]").HasAttribute("disabled").ShouldBeTrue();
        (await Module.ReadAsync(db => db.Datasets.CountAsync(Ct))).ShouldBe(0);
    }

    [Fact]
    public async Task A_good_file_is_checked_then_saved_audited_and_listed()
    {
        var (dialogs, page) = OpenImport();

        dialogs.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            "kode,judul,kode_opd,frekuensi,hari_jatuh_tempo,periode_awal,kolom\n"
            + "jumlah-sekolah,Jumlah Sekolah,DISDIK,bulanan,10,2026-01,kecamatan:teks:wajib:kunci; jumlah:bilangan-bulat:wajib\n", "daftar.csv", contentType: "text/csv"));

        dialogs.WaitForAssertion(() => Text(dialogs.Find("[data-testid=import-summary]")).ShouldContain("Siap disimpan — daftar.csv: 1 dataset baru, 0 dataset diperbarui."), Wait);
        (await Module.ReadAsync(db => db.Datasets.CountAsync(Ct))).ShouldBe(0);

        dialogs.Find("[data-testid=import-apply]").Click();

        dialogs.WaitForAssertion(() => Text(dialogs.Find("[data-testid=import-summary]")).ShouldContain("Tersimpan — daftar.csv"), Wait);
        Module.Audit.Events.ShouldHaveSingleItem().Action.ShouldBe("dataset.imported");
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Tutup").Click();
        page.WaitForAssertion(() => Text(page.Find("[data-testid=datasets] tbody")).ShouldContain("jumlah-sekolah"), Wait);
    }
}
