using System.Reflection;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Superapps.Adapters.Data;
using Superapps.Adapters.Domain;
using Superapps.Adapters.Features.Runs;
using Superapps.Adapters.Pages.Adapters;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Adapters.IntegrationTests;

/// <summary>
/// The adapters page <c>/aplikasi/adaptor</c> on PostgreSQL with the scripted adapter: its runs listed newest first with their counts, a run's
/// refused records shown with their bilingual errors, and "Jalankan sekarang" starting a run that the page follows to its end, audited.
/// </summary>
public sealed class AdaptersPageTests(PostgresServer server) : ModulePageTest(server)
{
    private readonly Script _script = new();

    protected override Task<ModuleServices> StartModuleAsync(PostgresServer postgres) =>
        ModuleServices.CreateAsync(postgres, s =>
        {
            s.AddSingleton(_script);
            s.AddLegacyAdapter<ScriptedAdapter, ScriptedAdapterOptions>(ScriptedAdapter.AdapterKey, ScriptedAdapterOptions.Section);
            s.Configure<ScriptedAdapterOptions>(o => o.Enabled = true);
        });

    protected override void AddPageServices()
    {
        FromCircuit<AdapterRunQueries>();
        FromCircuit<AdapterRunLauncher>();
        FromCircuit<IAuditTrail>();
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        SignIn(new PortalUser("Admin Diskominfo", Guid.CreateVersion7(), null, [Roles.Administrator], [AdaptersPortalModule.ManagePolicy]));
    }

    private async Task<AdapterRunOutcome> RunAsync()
    {
        await using var scope = Module.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AdapterRunner>().RunAsync(ScriptedAdapter.AdapterKey, "jadwal", Ct);
    }

    private static string[][] Runs(IRenderedComponent<AdaptersPage> page) =>
        [.. page.FindAll("[data-testid=runs] tbody tr").Where(r => r.QuerySelector("[data-testid=run-status]") is not null)
            .Select(r => r.QuerySelectorAll("td").Select(Text).ToArray())];

    [Fact]
    public async Task The_runs_are_listed_newest_first_with_their_counts_and_a_runs_refused_records_open_with_their_errors()
    {
        typeof(AdaptersPage).GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(AdaptersPortalModule.ManagePolicy);
        _script.Bad.UnionWith(["ext-3", "ext-7"]);
        (await RunAsync()).Status.ShouldBe(AdapterRunStatus.PartiallyFailed);
        _script.Bad.Clear();
        (await RunAsync()).Status.ShouldBe(AdapterRunStatus.Succeeded);
        var dialogs = RenderDialogProvider();

        var page = Render<AdaptersPage>();

        page.WaitForAssertion(() => Runs(page).Length.ShouldBe(2), Wait);
        Text(page.Find("[data-testid=adapter-enabled]")).ShouldBe("Aktif");
        Text(page.Find("[data-testid=adapter-last-run]")).ShouldContain("Berhasil");
        // The second run created the two refused before and skipped the eight imported.
        Text(page.Find("[data-testid=adapter-last-run]")).ShouldContain("dibaca 10 · baru 2 · diperbarui 0 · dilewati 8 · gagal 0");
        var runs = Runs(page);
        runs[0][3].ShouldBe("Berhasil");
        runs[0][4].ShouldBe("dibaca 10 · baru 2 · diperbarui 0 · dilewati 8 · gagal 0");
        runs[1][2].ShouldBe("jadwal");
        runs[1][3].ShouldBe("Sebagian gagal");
        runs[1][4].ShouldBe("dibaca 10 · baru 8 · diperbarui 0 · dilewati 0 · gagal 2");
        page.FindAll("[data-testid=run-errors]").ShouldHaveSingleItem().TextContent.Trim().ShouldBe("2 galat");

        page.Find("[data-testid=run-errors]").Click();

        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-testid=run-error-list] tbody tr").Count.ShouldBe(2), Wait);
        var errors = dialogs.FindAll("[data-testid=run-error-list] tbody tr").Select(r => r.QuerySelectorAll("td").Select(Text).ToArray()).ToList();
        errors.ShouldBe([["records.csv baris 4 (ext-3)", "Rekaman ext-3 rusak."], ["records.csv baris 8 (ext-7)", "Rekaman ext-7 rusak."]]);
    }

    [Fact]
    public async Task Run_now_starts_a_run_shows_it_running_then_lists_its_result_and_audits_who_asked()
    {
        _script.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var page = Render<AdaptersPage>();
        page.WaitForAssertion(() => Text(page.Find("[data-testid=runs] tbody")).ShouldContain("Belum ada run."), Wait);
        Text(page.Find("[data-testid=adapter-last-run]")).ShouldBe("Belum pernah");

        page.Find("[data-testid=adapter-run]").Click();

        await _script.Started.Task.WaitAsync(Wait, Ct);
        page.WaitForAssertion(() => page.Find("[data-testid=adapter-run]").HasAttribute("disabled").ShouldBeTrue(), Wait);
        Text(page.Find("[data-testid=adapter-run]")).ShouldContain("Berjalan");
        await using (var scope = Module.CreateScope())
        {
            var running = await scope.ServiceProvider.GetRequiredService<AdaptersDbContext>().Runs.AsNoTracking().SingleAsync(Ct);
            (running.Status, running.TriggeredBy).ShouldBe((AdapterRunStatus.Running, "Admin Diskominfo"));
        }

        _script.Gate.SetResult();

        page.WaitForAssertion(() => Runs(page).ShouldHaveSingleItem()[3].ShouldBe("Berhasil"), Wait);
        Runs(page)[0][2].ShouldBe("Admin Diskominfo");
        Runs(page)[0][4].ShouldBe("dibaca 10 · baru 10 · diperbarui 0 · dilewati 0 · gagal 0");
        page.Find("[data-testid=adapter-run]").HasAttribute("disabled").ShouldBeFalse();
        Text(page.Find("[data-testid=adapter-last-run]")).ShouldContain("Berhasil");
        _script.Created.Count.ShouldBe(10);
        Module.Audit.Events.Select(e => e.Action).ShouldBe(["adapter.run-requested", "adapter.run-finished"], ignoreOrder: true);
    }

    [Fact]
    public void In_english_the_page_reads_in_english()
    {
        UseEnglish();
        var page = Render<AdaptersPage>();

        page.WaitForAssertion(() => Text(page.Find("[data-testid=runs] tbody")).ShouldContain("No runs yet."), Wait);
        Text(page.Find("[data-testid=runs]")).ShouldContain("Run history: scripted");
        Text(page.Find("[data-testid=adapter-run]")).ShouldBe("Run now");
        Text(page.Find("[data-testid=adapter-last-run]")).ShouldBe("Never");
    }
}
