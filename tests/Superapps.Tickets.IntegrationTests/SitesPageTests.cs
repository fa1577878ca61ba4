using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Superapps.Organization.Contracts;
using Superapps.Testing;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain.Sites;
using Superapps.Tickets.Features.Sites;
using Superapps.Tickets.Features.Sites.Import;
using Superapps.Tickets.Pages.Sites;
using Superapps.Tickets.Pages.Sites.Components;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>The sites register page and its dialogs on PostgreSQL: the tree and sites, a loop refused in the move dialog, the import dialog.</summary>
public sealed class SitesPageTests(PostgresServer server) : SuperappsComponentTest, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private TicketsHarness _harness = null!;
    private NetworkNode _a = null!;
    private NetworkNode _a1 = null!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _harness = await TicketsHarness.CreateAsync(server, s => s.AddSingleton<IOrganizationDirectory, TestDirectory>());
        var register = _harness.Get<SiteRegister>();
        var core = await register.AddCoreAsync("CORE-DC", "Core Data Center", Ct);
        _a = await register.AddDistributionAsync("DIST-A", "Distribusi A", core.Id, Ct);
        _a1 = await register.AddDistributionAsync("DIST-A1", "Distribusi A1", _a.Id, Ct);
        await register.AddSiteAsync(new SiteDetails("KEL-BERINGIN", "Kantor Kelurahan Beringin", SiteKind.Kelurahan, TestDirectory.Beringin.AgencyId,
            TestDirectory.Beringin.Name, null, -1.61, 103.61), _a1.Id, Ct);
        await register.AddSiteAsync(new SiteDetails("SMPN-7", "SMP Negeri 7", SiteKind.School, TestDirectory.Disdik.AgencyId, TestDirectory.Disdik.Name,
            null, null, null), _a.Id, Ct);

        // Each component gets its own scope, as each circuit does.
        Services.AddScoped(_ => _harness.NewScope().ServiceProvider);
        Services.AddScoped(sp => sp.GetRequiredService<IServiceProvider>().GetRequiredService<SiteQueries>());
        Services.AddScoped(sp => _harness.NewScope().ServiceProvider.GetRequiredService<SiteRegister>());
        Services.AddScoped(sp => _harness.NewScope().ServiceProvider.GetRequiredService<SiteImport>());
        Services.AddSingleton<IOrganizationDirectory, TestDirectory>();
        AddAuthorization().SetAuthorized("Koordinator Helpdesk");
    }

    public new async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public void The_page_shows_the_tree_and_filters_sites_by_text()
    {
        RenderDialogProvider();
        var page = Render<SitesPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=sites] tbody tr").Count.ShouldBe(2), Wait);
        var tree = page.Find("[data-testid=node-tree]").TextContent;
        tree.IndexOf("CORE-DC", StringComparison.Ordinal).ShouldBeLessThan(tree.IndexOf("DIST-A1", StringComparison.Ordinal));

        page.FindAll("input[data-testid=site-search], [data-testid=site-search] input")[0].Input("smp");
        page.WaitForAssertion(() => page.FindAll("[data-testid=sites] tbody tr").Single().TextContent.ShouldContain("SMP Negeri 7"), Wait);
    }

    [Fact]
    public async Task Moving_a_node_under_its_own_child_shows_the_reason_and_changes_nothing()
    {
        var provider = RenderDialogProvider();
        var nodes = await _harness.Get<SiteQueries>().TreeAsync(Ct);
        var dialogs = Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<MoveNodeDialog>("Pindahkan",
            new DialogParameters<MoveNodeDialog> { { d => d.Nodes, nodes }, { d => d.Node, nodes.Single(n => n.Code == "DIST-A") } }));

        provider.WaitForElement("[data-testid=move-node-dialog]", Wait);
        provider.Find("[data-testid=move-parent] .mud-input-control, .mud-select [data-testid=move-parent], [data-testid=move-parent]").MouseDown();
        provider.WaitForAssertion(() => provider.FindAll(".mud-list-item").Any(i => i.TextContent.Contains("DIST-A1")).ShouldBeTrue(), Wait);
        provider.FindAll(".mud-list-item").First(i => i.TextContent.Contains("DIST-A1")).Click();
        provider.WaitForAssertion(() => provider.Find("[data-testid=move-save]").HasAttribute("disabled").ShouldBeFalse(), Wait);
        provider.Find("[data-testid=move-save]").Click();

        provider.WaitForAssertion(() => provider.Find("[data-testid=errors]").TextContent.ShouldContain("tidak dapat dipindahkan ke bawah dirinya sendiri"), Wait);
        provider.FindAll("[data-testid=move-node-dialog]").ShouldNotBeEmpty();
        await using var scope = _harness.NewScope();
        (await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().NetworkNodes.SingleAsync(n => n.Id == _a.Id, Ct)).ParentId.ShouldNotBe(_a1.Id);
    }

    [Fact]
    public async Task The_import_dialog_shows_errors_by_row_then_previews_and_saves_a_good_file()
    {
        var provider = RenderDialogProvider();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<ImportDialog>("Impor"));
        provider.WaitForElement("[data-testid=import-dialog]", Wait);
        const string header = "kode,nama,jenis,kode_opd,alamat,lintang,bujur,kode_simpul,nama_simpul,induk\n";

        provider.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(header + "KEL-X,Kantor X,Kelurahan,OPD-ENTAH,,,,DIST-A,,\n", "salah.csv"));
        provider.WaitForAssertion(() => provider.Find("[data-testid=import-errors]").TextContent.ShouldContain("OPD-ENTAH"), Wait);
        provider.Find("[data-testid=import-errors]").TextContent.ShouldContain("kode_opd");
        provider.Find("[data-testid=import-apply]").HasAttribute("disabled").ShouldBeTrue();

        provider.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(
            Encoding.UTF8.GetBytes(header + ",,,,,,,DIST-B,Distribusi B,CORE-DC\n" + "KEL-BARU,Kantor Kelurahan Baru,Kelurahan,KEL-BERINGIN,,,,DIST-B,,\n"), "baik.csv"));
        provider.WaitForAssertion(() => provider.Find("[data-testid=import-summary]").TextContent.ShouldContain("1 simpul baru"), Wait);
        (await CountSitesAsync()).ShouldBe(2, "a preview saves nothing");

        provider.Find("[data-testid=import-apply]").Click();
        provider.WaitForAssertion(() => provider.Find("[data-testid=import-summary]").TextContent.ShouldContain("Tersimpan"), Wait);
        (await CountSitesAsync()).ShouldBe(3);
    }

    private async Task<int> CountSitesAsync()
    {
        await using var scope = _harness.NewScope();
        return await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().Sites.CountAsync(Ct);
    }
}
