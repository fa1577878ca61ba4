using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Letters.Data;
using Superapps.Letters.Features.Archive;
using Superapps.Letters.Features.Desk;
using Superapps.Letters.Features.LegacyImport;
using Superapps.Letters.Pages.Letter;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Adapters.IntegrationTests;

/// <summary>
/// The letter page's imported variant (bUnit on the real module): the demo export imported into the demo city, then the page
/// opened as the people of the letters' legacy chains, as a colleague who may not read a Rahasia letter, and for an outgoing letter.
/// </summary>
public sealed class ImportedLetterPageTests(PostgresServer server) : ModulePageTest(server)
{
    private readonly LegacyExportFolder _export = LegacyExportFolder.Demo();

    protected override async Task<ModuleServices> StartModuleAsync(PostgresServer postgres)
    {
        var services = await ModuleServices.CreateAsync(postgres, _export.AddAdapter, seedDemo: true);
        await LegacyExportFolder.RunAsync(services.Services, Ct);
        return services;
    }

    protected override async ValueTask StopModuleAsync()
    {
        await Module.DisposeAsync();
        _export.Dispose();
    }

    protected override void AddPageServices()
    {
        FromCircuit<Viewers>();
        FromCircuit<LetterDesk>();
        FromCircuit<ArchiveQueries>();
        FromCircuit<ImportedLetterQueries>();
    }

    /// <summary>Renders a page as the interactive circuit does (the letter page loads the letter only when interactive).</summary>
    private IRenderedComponent<TPage> RenderInteractive<TPage>(Action<ComponentParameterCollectionBuilder<TPage>> parameters)
        where TPage : class, IComponent
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render(parameters);
    }

    private async Task SignInAsync(string nip, params string[] roles)
    {
        await using var scope = Module.CreateScope();
        var employee = (await scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>().FindByNipAsync(nip, Ct)).ShouldNotBeNull();
        SignIn(new PortalUser(employee.Name, employee.EmployeeId, employee.AgencyId, roles, []));
    }

    private async Task<ImportedLetter> ImportedAsync(string legacyId)
    {
        await using var scope = Module.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LettersDbContext>().ImportedLetters.AsNoTracking().SingleAsync(l => l.LegacyId == legacyId, Ct);
    }

    [Fact]
    public async Task The_page_shows_the_import_badge_the_legacy_agenda_number_the_scan_and_the_dispositions_without_actions()
    {
        await SignInAsync("199306242019012001"); // Kasi Statistik Sektoral, the end of the chain of masuk:1001
        var imported = await ImportedAsync("masuk:1001");

        var cut = RenderInteractive<LetterPage>(p => p.Add(x => x.Id, imported.LetterId!.Value));

        cut.WaitForElement("[data-testid=imported-badge]", Wait);
        // The page fills in its parts as they load: wait until all of them are there.
        cut.WaitForAssertion(() =>
        {
            Text(cut.Find("[data-testid=imported-badge]")).ShouldStartWith("Diimpor dari SIPADEK · ");
            Text(cut.Find("[data-testid=imported-agenda]")).ShouldBe("No. agenda SIPADEK 0012/2024");
            Text(cut.Find("[data-testid=imported-number]")).ShouldBe("005/123/BAPPEDA/2024");
            var dispositions = cut.FindAll("[data-testid=imported-disposition]");
            dispositions.Count.ShouldBe(2);
            Text(dispositions[0]).ShouldContain("Dra. Yusmaini Oktaviani, M.Si. → Khairunnisa Fitriani, S.P., M.Si.");
            Text(dispositions[0]).ShouldContain("Hadiri dan laporkan hasilnya");
            Text(dispositions[0]).ShouldContain("Status lama: Selesai");
            cut.Find("[data-testid=letter-scan]").GetAttribute("src").ShouldBe($"/surat/berkas/{imported.ScanFileId}");
            cut.FindAll("[data-testid=letter-dispose]").ShouldBeEmpty();
            cut.FindAll("[data-testid=disposition-tree]").ShouldBeEmpty();
        }, Wait);
    }

    [Fact]
    public async Task The_badge_reads_in_English_too()
    {
        UseEnglish();
        await SignInAsync("199306242019012001");
        var imported = await ImportedAsync("masuk:1001");

        var cut = RenderInteractive<LetterPage>(p => p.Add(x => x.Id, imported.LetterId!.Value));

        cut.WaitForElement("[data-testid=imported-badge]", Wait);
        Text(cut.Find("[data-testid=imported-badge]")).ShouldStartWith("Imported from SIPADEK · ");
        Text(cut.Find("[data-testid=imported-agenda]")).ShouldBe("SIPADEK agenda no. 0012/2024");
    }

    [Fact]
    public async Task A_colleague_not_on_its_chain_does_not_see_an_imported_Rahasia_letter()
    {
        await SignInAsync("199310062017032001"); // Teknisi Jaringan 1: on the chain of masuk:1002, not of the Rahasia masuk:1003
        var imported = await ImportedAsync("masuk:1003");

        var cut = RenderInteractive<LetterPage>(p => p.Add(x => x.Id, imported.LetterId!.Value));

        cut.WaitForElement("[data-testid=letter-not-found]", Wait);
        cut.FindAll("[data-testid=imported-letter]").ShouldBeEmpty();
    }

    [Fact]
    public async Task An_imported_outgoing_letter_opens_its_read_only_page_for_its_opds_agenda_keeper()
    {
        await SignInAsync("199401042019051001", Roles.RegistryClerk); // Diskominfo's agenda keeper

        var imported = await ImportedAsync("keluar:2001");

        var cut = RenderInteractive<ImportedLetterPage>(p => p.Add(x => x.Id, imported.Id));

        cut.WaitForElement("[data-testid=imported-badge]", Wait);
        Text(cut.Find("[data-testid=letter-subject]")).ShouldBe("Konfirmasi Kehadiran Rapat Koordinasi Satu Data");
        Text(cut.Find("[data-testid=imported-number]")).ShouldBe("005/201/DISKOMINFO/2024");
        cut.FindAll("[data-testid=imported-agenda]").ShouldBeEmpty();
        cut.WaitForAssertion(() =>
        {
            cut.Find("[data-testid=letter-scan]").GetAttribute("src").ShouldBe($"/surat/impor/{imported.Id}/berkas");
            cut.Find("[data-testid=letter-scan-open]").GetAttribute("href").ShouldBe($"/surat/impor/{imported.Id}/berkas");
        }, Wait);
    }

    [Fact]
    public async Task An_imported_outgoing_letter_without_a_scan_says_so()
    {
        await SignInAsync("199401042019051001", Roles.RegistryClerk); // Diskominfo's agenda keeper

        var imported = await ImportedAsync("keluar:2002");

        var cut = RenderInteractive<ImportedLetterPage>(p => p.Add(x => x.Id, imported.Id));

        cut.WaitForAssertion(() => Text(cut.Find("[data-testid=letter-no-scan]")).ShouldBe("Surat ini diimpor tanpa pindaian."), Wait);
        cut.FindAll("[data-testid=letter-scan]").ShouldBeEmpty();
    }
}
