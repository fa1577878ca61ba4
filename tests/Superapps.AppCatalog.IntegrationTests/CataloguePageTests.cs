using System.Reflection;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Domain;
using Superapps.AppCatalog.Pages.Catalogue;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.AppCatalog.IntegrationTests;

/// <summary>
/// The catalogue page <c>/aplikasi</c> on PostgreSQL: the list searched, filtered and sorted on the server; the add dialog refusing bad input
/// at its fields in Indonesian or English keeping what was typed; an edit refused when the app changed meanwhile; the import's preview
/// listing errors by row and column with nothing saved, then a good file saved.
/// </summary>
public sealed class CataloguePageTests(PostgresServer server) : CataloguePageTest(server)
{
    private const string Header = "slug,nama,kode_opd,vendor,url,tujuan,pengguna,jumlah_pengguna,biaya_tahunan,teknologi,hosting,status,keputusan,alasan,akses,upstream,identitas\n";

    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var setda = CatalogueDirectory.Setda.AgencyId;
        await Module.CreateAppAsync(CatalogueHarness.Simpeg());
        await Module.CreateAppAsync(new("lpse", "LPSE Kota", setda, Vendor: "LKPP", Url: "https://lpse.kota.example/", YearlyCost: 40_000_000, IsPublic: true));
        await Module.CreateAppAsync(new("e-sampah", "Bank Sampah", setda, Url: "https://sampah.kota.example/", YearlyCost: 10_000_000, Status: AppStatus.Retiring,
            Decision: TimeDecision.Eliminate, Reasons: "Diganti aplikasi provinsi."));
        await Module.CreateAppAsync(new("tani", "Tani Online", setda, Status: AppStatus.ToIntegrate, Decision: TimeDecision.Invest));
        Module.Audit.Clear();
        SignIn("Admin Diskominfo", CatalogueDirectory.Diskominfo.AgencyId, [Roles.Administrator]);
    }

    private IRenderedComponent<CataloguePage> RenderPage()
    {
        _dialogs = RenderDialogProvider();
        var page = Render<CataloguePage>();
        page.WaitForAssertion(() => Slugs(page).Length.ShouldBe(4), Wait);
        return page;
    }

    /// <summary>The slugs of the rows shown, top to bottom.</summary>
    private static string[] Slugs(IRenderedComponent<CataloguePage> page) =>
        [.. page.FindAll("[data-testid=apps] tbody tr").Where(r => r.QuerySelector("[data-testid=app-link]") is not null)
            .Select(r => r.QuerySelector("[data-testid=app-link]")!.GetAttribute("href")!["/aplikasi/".Length..])];

    private static IElement Row(IRenderedComponent<CataloguePage> page, string slug) =>
        page.FindAll("[data-testid=apps] tbody tr").Single(r => r.QuerySelector("[data-testid=app-link]")?.GetAttribute("href") == $"/aplikasi/{slug}");

    private static Task SearchAsync(IRenderedComponent<CataloguePage> page, string? text)
    {
        var search = page.FindComponents<MudTextField<string>>().Single(f => Equals(f.Instance.UserAttributes.GetValueOrDefault("data-testid"), "app-search"));
        return page.InvokeAsync(() => search.Instance.ValueChanged.InvokeAsync(text));
    }

    [Fact]
    public async Task The_list_is_searched_filtered_by_status_decision_and_opd_and_sorted_by_cost_on_the_server()
    {
        typeof(CataloguePage).GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(AppCatalogPortalModule.ManagePolicy);
        var page = RenderPage();

        Slugs(page).ShouldBe(["e-sampah", "lpse", "simpeg-lama", "tani"]);
        Text(Row(page, "simpeg-lama")).ShouldContain("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia");
        Text(Row(page, "simpeg-lama")).ShouldContain("Rp 85.000.000");
        Text(Row(page, "e-sampah").QuerySelector("[data-testid=app-status]")!).ShouldBe("Segera dipensiunkan");

        await SearchAsync(page, "lkpp");
        page.WaitForAssertion(() => Slugs(page).ShouldBe(["lpse"]), Wait);
        await SearchAsync(page, "SIMPEG");
        page.WaitForAssertion(() => Slugs(page).ShouldBe(["simpeg-lama"]), Wait);
        await SearchAsync(page, "tidak-ada-apa-apa");
        page.WaitForAssertion(() => Text(page.Find("[data-testid=apps] tbody")).ShouldContain("Tidak ada aplikasi yang cocok."), Wait);
        await SearchAsync(page, null);
        page.WaitForAssertion(() => Slugs(page).Length.ShouldBe(4), Wait);

        await ChooseAsync(page, "app-status-filter", (AppStatus?)AppStatus.Retiring);
        page.WaitForAssertion(() => Slugs(page).ShouldBe(["e-sampah"]), Wait);
        await ChooseAsync(page, "app-status-filter", (AppStatus?)null);
        await ChooseAsync(page, "app-agency-filter", (Guid?)CatalogueDirectory.Setda.AgencyId);
        page.WaitForAssertion(() => Slugs(page).ShouldBe(["e-sampah", "lpse", "tani"]), Wait);
        await ChooseAsync(page, "app-decision-filter", (TimeDecision?)TimeDecision.Invest);
        page.WaitForAssertion(() => Slugs(page).ShouldBe(["tani"]), Wait);
        await ChooseAsync(page, "app-decision-filter", (TimeDecision?)null);
        await ChooseAsync(page, "app-agency-filter", (Guid?)null);
        page.WaitForAssertion(() => Slugs(page).Length.ShouldBe(4), Wait);

        page.FindAll("[data-testid=apps] th .mud-table-sort-label").Single(l => l.TextContent.Contains("Biaya/tahun", StringComparison.Ordinal)).Click();
        page.WaitForAssertion(() => Slugs(page).ShouldBe(["tani", "e-sampah", "lpse", "simpeg-lama"]), Wait);
        page.FindAll("[data-testid=apps] th .mud-table-sort-label").Single(l => l.TextContent.Contains("Biaya/tahun", StringComparison.Ordinal)).Click();
        page.WaitForAssertion(() => Slugs(page).ShouldBe(["simpeg-lama", "lpse", "e-sampah", "tani"]), Wait);
    }

    private async Task FillNewAppAsync(string slug)
    {
        Input(_dialogs, "app-slug").Change(slug);
        Input(_dialogs, "app-name").Change("Presensi Online");
        await ChooseAsync(_dialogs, "app-owner", (Guid?)CatalogueDirectory.Bkpsdm.AgencyId);
        Input(_dialogs, "app-url").Change("https://presensi.kota.example/");
        await ChooseAsync(_dialogs, "app-decision", TimeDecision.Eliminate);
    }

    /// <summary>Renders the page and opens the dialog of <paramref name="button"/>, waiting for <paramref name="ready"/> in it.</summary>
    private IRenderedComponent<CataloguePage> RenderWithDialog(string button, string ready)
    {
        var page = RenderPage();
        page.Find($"[data-testid={button}]").Click();
        _dialogs.WaitForElement($"[data-testid={ready}]", Wait);
        return page;
    }

    [Fact]
    public async Task A_new_app_with_a_bad_slug_and_no_reasons_for_eliminate_is_refused_at_its_fields_keeping_what_was_typed_then_saved_and_listed()
    {
        var page = RenderWithDialog("app-add", "app-slug");
        await FillNewAppAsync("Presensi Online!");

        _dialogs.Find("[data-testid=app-save]").Click();

        _dialogs.WaitForAssertion(() => Text(_dialogs.Find("[data-testid=app-dialog]")).ShouldContain(AppErrors.Slug.Indonesian), Wait);
        Text(_dialogs.Find("[data-testid=app-dialog]")).ShouldContain(AppErrors.Reasons.Indonesian);
        Input(_dialogs, "app-name").GetAttribute("value").ShouldBe("Presensi Online");
        Input(_dialogs, "app-url").GetAttribute("value").ShouldBe("https://presensi.kota.example/");
        Input(_dialogs, "app-slug").GetAttribute("value").ShouldBe("Presensi Online!");
        (await Module.ReadAsync(db => db.Apps.CountAsync(Ct))).ShouldBe(4);
        Module.Audit.Events.ShouldBeEmpty();

        Input(_dialogs, "app-slug").Change("presensi-online");
        Input(_dialogs, "app-reasons").Change("Diganti aplikasi presensi nasional.");
        _dialogs.Find("[data-testid=app-save]").Click();

        _dialogs.WaitForAssertion(() => _dialogs.FindAll("[data-testid=app-dialog]").ShouldBeEmpty(), Wait);
        page.WaitForAssertion(() => Slugs(page).ShouldContain("presensi-online"), Wait);
        var saved = await Module.ReadAsync(db => db.Apps.SingleAsync(a => a.Slug == "presensi-online", Ct));
        (saved.Name, saved.OwnerAgencyId, saved.Decision, saved.DecisionReasons).ShouldBe(
            ("Presensi Online", CatalogueDirectory.Bkpsdm.AgencyId, TimeDecision.Eliminate, "Diganti aplikasi presensi nasional."));
        Module.Audit.Events.ShouldHaveSingleItem().Action.ShouldBe("app.created");
    }

    [Fact]
    public async Task In_english_the_same_refusal_reads_in_english()
    {
        UseEnglish();
        var page = RenderWithDialog("app-add", "app-slug");
        await FillNewAppAsync("Presensi Online!");

        _dialogs.Find("[data-testid=app-save]").Click();

        _dialogs.WaitForAssertion(() => Text(_dialogs.Find("[data-testid=app-dialog]")).ShouldContain(AppErrors.Slug.English), Wait);
        Text(_dialogs.Find("[data-testid=app-dialog]")).ShouldContain(AppErrors.Reasons.English);
        Text(_dialogs.Find("[data-testid=app-dialog]")).ShouldNotContain(AppErrors.Slug.Indonesian);
        (await Module.ReadAsync(db => db.Apps.CountAsync(Ct))).ShouldBe(4);
    }

    [Fact]
    public async Task An_edit_of_an_app_changed_meanwhile_is_refused_keeping_what_was_typed_and_the_other_change_stays()
    {
        var page = RenderPage();
        Row(page, "simpeg-lama").QuerySelector("[data-testid=app-edit]")!.Click();
        _dialogs.WaitForAssertion(() => Input(_dialogs, "app-name").GetAttribute("value").ShouldBe("SIMPEG Lama"), Wait);
        var app = await Module.ReadAsync(db => db.Apps.AsNoTracking().SingleAsync(a => a.Slug == "simpeg-lama", Ct));
        await Module.DeskAsync(d => d.UpdateAsync(app.Id, app.Version, CatalogueHarness.Simpeg() with { Name = "SIMPEG Lama (BKPSDM)" }, Ct));

        Input(_dialogs, "app-cost").Change("90000000");
        _dialogs.Find("[data-testid=app-save]").Click();

        _dialogs.WaitForAssertion(() => Text(_dialogs.Find("[data-testid=app-dialog]")).ShouldContain(AppErrors.ChangedMeanwhile.Indonesian), Wait);
        Input(_dialogs, "app-cost").GetAttribute("value").ShouldBe("90000000");
        var stored = await Module.ReadAsync(db => db.Apps.AsNoTracking().SingleAsync(a => a.Slug == "simpeg-lama", Ct));
        (stored.Name, stored.YearlyCost).ShouldBe(("SIMPEG Lama (BKPSDM)", 85_000_000L));
        Module.Audit.Events.Select(e => e.Action).ShouldBe(["app.updated"]);
    }

    private static string CsvRow(string slug, string name, string agency, string status, string decision, string reasons = "") =>
        string.Join(',', [slug, name, agency, "", "", "", "", "", "", "", "", status, decision, reasons, "", "", ""]) + "\n";

    [Fact]
    public async Task The_import_preview_lists_each_error_by_row_and_column_and_saves_nothing()
    {
        var page = RenderWithDialog("app-import", "import-dialog");

        _dialogs.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Header
            + CsvRow("presensi", "Presensi", "BKPSDM", "aktif", "pertahankan")
            + CsvRow("gaji", "Gaji", "OPD-ENTAH", "aktif", "pertahankan")
            + CsvRow("arsip", "Arsip", "SETDA", "rusak", "hentikan"), "salah.csv", contentType: "text/csv"));

        _dialogs.WaitForAssertion(() => Text(_dialogs.Find("[data-testid=import-refused]")).ShouldContain("salah.csv tidak dapat diimpor; tidak ada yang disimpan"), Wait);
        var cells = _dialogs.FindAll("[data-testid=import-errors] tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        var places = cells.Select(c => (Row: c[0], Column: c[1])).ToList();
        places.ShouldContain(("3", "kode_opd"));
        places.ShouldContain(("4", "status"));
        places.ShouldNotContain(p => p.Row == "2");
        cells.ShouldAllBe(c => c[2].Length > 0);
        _dialogs.Find("[data-testid=import-apply]").HasAttribute("disabled").ShouldBeTrue();
        (await Module.ReadAsync(db => db.Apps.CountAsync(Ct))).ShouldBe(4);
        Module.Audit.Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_good_file_is_previewed_then_saved_audited_and_listed()
    {
        var page = RenderWithDialog("app-import", "import-dialog");

        _dialogs.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Header
            + CsvRow("presensi", "Presensi Online", "BKPSDM", "aktif", "pertahankan")
            + CsvRow("tani", "Tani Online", "SETDA", "akan-diintegrasikan", "kembangkan"), "katalog.csv", contentType: "text/csv"));

        _dialogs.WaitForAssertion(() => Text(_dialogs.Find("[data-testid=import-summary]")).ShouldContain("Siap disimpan — katalog.csv: 1 aplikasi baru, 1 aplikasi diperbarui."), Wait);
        (await Module.ReadAsync(db => db.Apps.CountAsync(Ct))).ShouldBe(4);

        _dialogs.Find("[data-testid=import-apply]").Click();

        _dialogs.WaitForAssertion(() => Text(_dialogs.Find("[data-testid=import-summary]")).ShouldContain("Tersimpan — katalog.csv"), Wait);
        Module.Audit.Events.ShouldHaveSingleItem().Action.ShouldBe("app.imported");
        _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Tutup").Click();
        page.WaitForAssertion(() => Slugs(page).ShouldBe(["e-sampah", "lpse", "presensi", "simpeg-lama", "tani"]), Wait);
    }
}
