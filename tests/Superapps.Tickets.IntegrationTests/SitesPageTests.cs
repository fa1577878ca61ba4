using System.Reflection;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Superapps.Testing;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain.Sites;
using Superapps.Tickets.Features.Sites;
using Superapps.Tickets.Pages.Sites;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>
/// The sites register page on PostgreSQL: the tree and the table, moving a node (a loop refused in place), editing a site (a refusal
/// keeps what was typed) and the import dialog (errors by row and column with nothing saved; a good file previewed, then saved).
/// </summary>
public sealed class SitesPageTests(PostgresServer server) : TicketsPageTest(server)
{
    private NetworkNode _telanai = null!;
    private NetworkNode _buluranOdc = null!;
    private NetworkNode _kotaBaru = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        // CORE-DC ── DIST-TELANAI ── DIST-BULURAN (KEL-BULURAN); CORE-DC ── DIST-KOTABARU (KEC-KOTABARU).
        var register = Harness.Get<SiteRegister>();
        var core = await register.AddCoreAsync("CORE-DC", "Core Data Center", Ct);
        _telanai = await register.AddDistributionAsync("DIST-TELANAI", "Distribusi Telanaipura", core.Id, Ct);
        _buluranOdc = await register.AddDistributionAsync("DIST-BULURAN", "ODC Buluran", _telanai.Id, Ct);
        _kotaBaru = await register.AddDistributionAsync("DIST-KOTABARU", "Distribusi Kota Baru", core.Id, Ct);
        await register.AddSiteAsync(new SiteDetails("KEL-BULURAN", "Kantor Lurah Buluran", SiteKind.Kelurahan, TestDirectory.Beringin.AgencyId,
            TestDirectory.Beringin.Name, null, null, null), _buluranOdc.Id, Ct);
        await register.AddSiteAsync(new SiteDetails("KEC-KOTABARU", "Kantor Camat Kota Baru", SiteKind.Kecamatan, TestDirectory.Telanaipura.AgencyId,
            TestDirectory.Telanaipura.Name, null, null, null), _kotaBaru.Id, Ct);
        Harness.Audit.Clear();
    }

    private IRenderedComponent<MudPopoverProvider> _popovers = null!;

    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<SitesPage> Page) RenderPage()
    {
        SignIn(HelpdeskData.Budi);
        _popovers = RenderPopoverProvider();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<SitesPage>();
        page.WaitForAssertion(() =>
        {
            page.FindAll("[data-testid=sites] tbody tr").Count.ShouldBe(2);
            page.FindAll("[data-testid^=node-DIST-]").Count.ShouldBe(3);
        }, Wait);
        return (dialogs, page);
    }

    /// <summary>The node's menu (it opens in the popover provider), then "Pindahkan".</summary>
    private void OpenMoveDialog(IRenderedComponent<SitesPage> page)
    {
        page.Find("[data-testid=node-DIST-TELANAI] [data-testid=node-menu] button").Click();
        _popovers.WaitForAssertion(() => _popovers.FindAll("[data-testid=node-move]").Count.ShouldBe(1), Wait);
        _popovers.Find("[data-testid=node-move]").Click();
    }

    private async Task<(int Nodes, int Sites)> CountAsync()
    {
        await using var scope = Harness.NewScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        return (await db.NetworkNodes.CountAsync(Ct), await db.Sites.CountAsync(Ct));
    }

    [Fact]
    public void The_page_is_for_the_sites_policy_and_lists_the_tree_and_the_sites()
    {
        typeof(SitesPage).GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(TicketsPortalModule.SitesPolicy);
        var (_, page) = RenderPage();

        page.FindAll("[data-testid^=node-DIST], [data-testid^=node-CORE]").Select(e => e.GetAttribute("data-testid"))
            .ShouldBe(["node-CORE-DC", "node-DIST-TELANAI", "node-DIST-BULURAN", "node-DIST-KOTABARU"], ignoreOrder: true);
        var rows = page.FindAll("[data-testid=sites] tbody tr").Select(r => r.TextContent).ToList();
        rows.ShouldContain(r => r.Contains("KEL-BULURAN") && r.Contains("Kelurahan Beringin") && r.Contains("DIST-BULURAN"));
        rows.ShouldContain(r => r.Contains("KEC-KOTABARU") && r.Contains("DIST-KOTABARU"));
    }

    [Fact]
    public async Task Moving_a_node_under_a_node_below_it_is_refused_in_place_keeping_the_choice_then_a_good_move_is_saved()
    {
        var (dialogs, page) = RenderPage();

        OpenMoveDialog(page);
        dialogs.WaitForAssertion(() => Text(dialogs.Find("[data-testid=move-node-dialog]")).ShouldContain("Pindahkan DIST-TELANAI Distribusi Telanaipura"), Wait);

        // Its own child: the tree would loop.
        await ChooseAsync(dialogs, "move-parent", (Guid?)_buluranOdc.Id);
        dialogs.Find("[data-testid=move-save]").Click();

        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=errors]").TextContent
            .ShouldContain("Simpul DIST-TELANAI tidak dapat dipindahkan ke bawah dirinya sendiri atau ke bawah simpul yang berada di bawahnya."), Wait);
        dialogs.FindAll("[data-testid=move-node-dialog]").Count.ShouldBe(1);
        var parent = dialogs.Find("[data-testid=move-parent]");
        Text(parent).ShouldBe("DIST-BULURAN · ODC Buluran");
        parent.GetAttribute("aria-invalid").ShouldBe("true");
        Harness.Audit.Events.ShouldNotContain(e => e.Action == "node.moved");

        await ChooseAsync(dialogs, "move-parent", (Guid?)_kotaBaru.Id);
        dialogs.Find("[data-testid=move-save]").Click();

        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-testid=move-node-dialog]").ShouldBeEmpty(), Wait);
        // The tree is read again: DIST-TELANAI now hangs two levels down, under DIST-KOTABARU.
        page.WaitForAssertion(() => page.Find("[data-testid=node-DIST-TELANAI] div.d-flex").GetAttribute("style").ShouldBe("padding-left: 2.5rem"), Wait);
        Harness.Audit.Events.ShouldContain(e => e.Action == "node.moved");
        await using var scope = Harness.NewScope();
        (await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().NetworkNodes.SingleAsync(n => n.Id == _telanai.Id, Ct)).ParentId.ShouldBe(_kotaBaru.Id);
    }

    [Fact]
    public async Task A_refused_move_reads_in_English_for_an_English_user()
    {
        UseEnglish();
        var (dialogs, page) = RenderPage();

        OpenMoveDialog(page);
        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-testid=move-node-dialog]").Count.ShouldBe(1), Wait);
        await ChooseAsync(dialogs, "move-parent", (Guid?)_buluranOdc.Id);
        dialogs.Find("[data-testid=move-save]").Click();

        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=errors]").TextContent.ShouldContain("Node DIST-TELANAI cannot move under itself or under a node below it."), Wait);
    }

    [Fact]
    public async Task Editing_a_site_with_half_a_coordinate_is_refused_keeping_every_field_then_the_fix_is_saved_and_listed()
    {
        var (dialogs, page) = RenderPage();

        page.FindAll("[data-testid=sites] tbody tr").Single(r => r.TextContent.Contains("KEL-BULURAN")).QuerySelector("[data-testid=site-edit]")!.Click();
        dialogs.WaitForAssertion(() => Input(dialogs, "site-code").GetAttribute("value").ShouldBe("KEL-BULURAN"), Wait);
        Input(dialogs, "site-name").Change("Kantor Lurah Buluran Kenali");
        Input(dialogs, "site-latitude").Change("-1.6101");
        await ChooseAsync(dialogs, "site-node", (Guid?)_telanai.Id);
        dialogs.Find("[data-testid=site-save]").Click();

        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=errors]").TextContent.ShouldContain("Isi garis lintang dan garis bujur bersama-sama"), Wait);
        Input(dialogs, "site-name").GetAttribute("value").ShouldBe("Kantor Lurah Buluran Kenali");
        Input(dialogs, "site-latitude").GetAttribute("value").ShouldBe("-1.6101");
        Text(dialogs.Find("[data-testid=site-node]")).ShouldBe("DIST-TELANAI · Distribusi Telanaipura");
        Harness.Audit.Events.ShouldBeEmpty();

        Input(dialogs, "site-longitude").Change("103.6131");
        dialogs.Find("[data-testid=site-save]").Click();

        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-testid=site-dialog]").ShouldBeEmpty(), Wait);
        page.WaitForAssertion(() =>
        {
            var row = page.FindAll("[data-testid=sites] tbody tr").Single(r => r.TextContent.Contains("KEL-BULURAN")).TextContent;
            row.ShouldContain("Kantor Lurah Buluran Kenali");
            row.ShouldContain("-1.6101, 103.6131");
            row.ShouldContain("DIST-TELANAI");
        }, Wait);
        Harness.Audit.Events.ShouldHaveSingleItem().Action.ShouldBe("site.moved");
    }

    [Fact]
    public async Task An_import_with_wrong_rows_shows_each_by_row_and_column_and_saves_nothing()
    {
        var (dialogs, page) = RenderPage();
        page.Find("[data-testid=site-import]").Click();
        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-testid=import-dialog]").Count.ShouldBe(1), Wait);

        const string bad = "kode,nama,jenis,kode_opd,kode_simpul\n"
            + "SMPN-7,SMP Negeri 7,Sekolah,DISDIK,DIST-TELANAI\n"          // row 2: fine on its own
            + "KEL-X,Kantor X,Kelurahan,OPD-TIDAK-ADA,DIST-TELANAI\n"    // row 3: unknown OPD
            + "KEL-Y,Kantor Y,Puskesmas,DISDIK,DIST-ENTAH\n";            // row 4: unknown kind and node
        dialogs.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(bad, "salah.csv", contentType: "text/csv"));

        dialogs.WaitForAssertion(() => Text(dialogs.Find("[data-testid=import-refused]")).ShouldContain("salah.csv tidak dapat diimpor; tidak ada yang disimpan"), Wait);
        var errors = dialogs.FindAll("[data-testid=import-errors] tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        errors.ShouldContain(e => e[0] == "3" && e[1] == "kode_opd" && e[2].Contains("OPD-TIDAK-ADA"));
        errors.ShouldContain(e => e[0] == "4" && e[1] == "jenis");
        errors.ShouldContain(e => e[0] == "4" && e[1] == "kode_simpul" && e[2].Contains("DIST-ENTAH"));
        errors.ShouldNotContain(e => e[0] == "2");
        dialogs.Find("[data-testid=import-apply]").HasAttribute("disabled").ShouldBeTrue();

        (await CountAsync()).ShouldBe((4, 2));
        Harness.Audit.Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_good_import_is_previewed_without_saving_then_saved_audited_and_the_page_reloads()
    {
        var (dialogs, page) = RenderPage();
        page.Find("[data-testid=site-import]").Click();
        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-testid=import-dialog]").Count.ShouldBe(1), Wait);

        const string good = "kode,nama,jenis,kode_opd,kode_simpul,nama_simpul,induk\n"
            + ",,,,DIST-BERINGIN,ODC Beringin,DIST-TELANAI\n"
            + "KEL-BERINGIN,Kantor Kelurahan Beringin,Kelurahan,KEL-BERINGIN,DIST-BERINGIN,,\n"
            + "KEC-KOTABARU,Kantor Camat Kota Baru (baru),Kecamatan,KEC-TELANAIPURA,DIST-KOTABARU,,\n";
        dialogs.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(good, "lokasi.csv", contentType: "text/csv"));

        dialogs.WaitForAssertion(() => Text(dialogs.Find("[data-testid=import-summary]"))
            .ShouldContain("Siap disimpan — lokasi.csv: 1 simpul baru, 0 simpul diperbarui, 1 lokasi baru, 1 lokasi diperbarui."), Wait);
        (await CountAsync()).ShouldBe((4, 2));
        Harness.Audit.Events.ShouldBeEmpty();

        dialogs.Find("[data-testid=import-apply]").Click();

        dialogs.WaitForAssertion(() => Text(dialogs.Find("[data-testid=import-summary]")).ShouldContain("Tersimpan — lokasi.csv"), Wait);
        dialogs.Find("[data-testid=import-apply]").HasAttribute("disabled").ShouldBeTrue();
        (await CountAsync()).ShouldBe((5, 3));
        Harness.Audit.Events.ShouldHaveSingleItem().Action.ShouldBe("sites.imported");

        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Tutup").Click();
        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-testid=import-dialog]").ShouldBeEmpty(), Wait);
        page.WaitForAssertion(() =>
        {
            page.FindAll("[data-testid=node-DIST-BERINGIN]").Count.ShouldBe(1);
            page.FindAll("[data-testid=sites] tbody tr").Count.ShouldBe(3);
        }, Wait);
    }
}
