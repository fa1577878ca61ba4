using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Adapters.Data;
using Superapps.Adapters.Domain;
using Superapps.Adapters.Features.Runs;
using Superapps.Testing;

namespace Superapps.Adapters.IntegrationTests;

/// <summary>The seam against a real database: resume after a failure and after a crash, idempotent re-runs, errors per record, one run at a time.</summary>
public sealed class SeamTests(PostgresServer server) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly Script _script = new();
    private ModuleServices _services = null!;

    public async ValueTask InitializeAsync() =>
        _services = await ModuleServices.CreateAsync(server, s =>
        {
            s.AddSingleton(_script);
            s.AddLegacyAdapter<ScriptedAdapter, ScriptedAdapterOptions>(ScriptedAdapter.AdapterKey, ScriptedAdapterOptions.Section);
            s.Configure<ScriptedAdapterOptions>(o => o.Enabled = true);
        });

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private async Task<AdapterRunOutcome> RunAsync()
    {
        await using var scope = _services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AdapterRunner>().RunAsync(ScriptedAdapter.AdapterKey, "test", Ct);
    }

    private async Task<T> ReadAsync<T>(Func<AdaptersDbContext, Task<T>> read)
    {
        await using var scope = _services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<AdaptersDbContext>());
    }

    [Fact]
    public async Task A_run_that_fails_midway_keeps_its_message_and_the_next_run_resumes_from_its_checkpoint()
    {
        _script.ThrowAt = "ext-6";

        var failed = await RunAsync();
        var resumed = await RunAsync();

        failed.Status.ShouldBe(AdapterRunStatus.Failed);
        failed.Counts.Created.ShouldBe(5);
        var first = await ReadAsync(db => db.Runs.SingleAsync(r => r.Id == failed.RunId, Ct));
        first.Message.ShouldNotBeNull().ShouldContain("The legacy database went away at ext-6.");
        first.CheckpointAfter.ShouldBe("5");
        first.FinishedAt.ShouldNotBeNull();

        resumed.Status.ShouldBe(AdapterRunStatus.Succeeded);
        resumed.Counts.ShouldBe(new AdapterRunCounts(5, 5, 0, 0, 0));
        (await ReadAsync(db => db.Runs.SingleAsync(r => r.Id == resumed.RunId, Ct))).CheckpointBefore.ShouldBe("5");
        _script.StartedFrom.ToArray().ShouldBe([null, "5"]);
        _script.Created.Keys.Order().ShouldBe(_script.Records.Order());
        _script.Created.Values.ShouldAllBe(n => n == 1);
        _services.Audit.Events.Count(e => e.Action == "adapter.run-finished").ShouldBe(2);
    }

    [Fact]
    public async Task A_run_left_running_by_a_crashed_process_is_closed_as_failed_and_the_next_run_resumes_from_the_saved_checkpoint()
    {
        // What a process that died midway leaves behind: its run still marked running and the checkpoint it last saved.
        var crashed = Guid.CreateVersion7();
        await using (var scope = _services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AdaptersDbContext>();
            db.Runs.Add(AdapterRun.Start(crashed, ScriptedAdapter.AdapterKey, "jadwal", null, DateTimeOffset.UtcNow.AddMinutes(-10)));
            db.Checkpoints.Add(new AdapterCheckpoint { AdapterKey = ScriptedAdapter.AdapterKey, Value = "7", RunId = crashed, SavedAt = DateTimeOffset.UtcNow.AddMinutes(-9) });
            await db.SaveChangesAsync(Ct);
        }

        var outcome = await RunAsync();

        outcome.Status.ShouldBe(AdapterRunStatus.Succeeded);
        outcome.Counts.Read.ShouldBe(3);
        _script.StartedFrom.ToArray().ShouldBe(["7"]);
        _script.Created.Keys.Order().ShouldBe(["ext-10", "ext-8", "ext-9"]);
        var old = await ReadAsync(db => db.Runs.SingleAsync(r => r.Id == crashed, Ct));
        old.Status.ShouldBe(AdapterRunStatus.Failed);
        old.Message.ShouldBe(AdapterErrors.Interrupted);
    }

    [Fact]
    public async Task A_rerun_imports_nothing_twice()
    {
        var first = await RunAsync();
        var second = await RunAsync();

        first.Counts.ShouldBe(new AdapterRunCounts(10, 10, 0, 0, 0));
        second.Status.ShouldBe(AdapterRunStatus.Succeeded);
        second.Counts.ShouldBe(new AdapterRunCounts(10, 0, 0, 10, 0));
        _script.Created.Values.ShouldAllBe(n => n == 1);
        (await ReadAsync(db => db.ImportedRecords.CountAsync(r => r.AdapterKey == ScriptedAdapter.AdapterKey, Ct))).ShouldBe(10);
        (await ReadAsync(db => db.ImportedRecords.SingleAsync(r => r.ExternalId == "ext-4", Ct))).InternalId.ShouldBe("internal-ext-4");
    }

    [Fact]
    public async Task Bad_records_are_recorded_one_by_one_in_both_languages_and_the_rest_is_imported()
    {
        _script.Bad.UnionWith(["ext-3", "ext-8"]);

        var outcome = await RunAsync();

        outcome.Status.ShouldBe(AdapterRunStatus.PartiallyFailed);
        outcome.Counts.ShouldBe(new AdapterRunCounts(10, 8, 0, 0, 2));
        await using var scope = _services.CreateScope();
        var (errors, total) = await scope.ServiceProvider.GetRequiredService<AdapterRunQueries>().ErrorsAsync(outcome.RunId!.Value, 0, 50, Ct);
        total.ShouldBe(2);
        errors.Select(e => e.Reference).ShouldBe(["records.csv baris 4 (ext-3)", "records.csv baris 9 (ext-8)"]);
        errors[0].Indonesian.ShouldBe("Rekaman ext-3 rusak.");
        errors[0].English.ShouldBe("Record ext-3 is broken.");
        var adapters = await scope.ServiceProvider.GetRequiredService<AdapterRunQueries>().AdaptersAsync(Ct);
        adapters.Single().LastRun.ShouldNotBeNull().Status.ShouldBe(AdapterRunStatus.PartiallyFailed);
    }

    [Fact]
    public async Task Only_one_run_of_an_adapter_goes_at_a_time()
    {
        _script.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = RunAsync();
        await _script.Started.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        var second = await RunAsync();

        second.Refusal.ShouldBe(AdapterErrors.AlreadyRunning);
        second.RunId.ShouldBeNull();
        (await ReadAsync(db => db.Runs.CountAsync(r => r.Status == AdapterRunStatus.Running, Ct))).ShouldBe(1);
        _script.Gate.SetResult();
        (await first).Status.ShouldBe(AdapterRunStatus.Succeeded);
        (await ReadAsync(db => db.Runs.CountAsync(Ct))).ShouldBe(1);
    }

    [Fact]
    public async Task The_hand_launcher_refuses_an_adapter_switched_off_by_its_options()
    {
        await using var services = await ModuleServices.CreateAsync(server, s =>
        {
            s.AddSingleton(new Script());
            s.AddLegacyAdapter<ScriptedAdapter, ScriptedAdapterOptions>(ScriptedAdapter.AdapterKey, ScriptedAdapterOptions.Section);
        });

        var outcome = await services.Services.GetRequiredService<AdapterRunLauncher>().StartAsync(ScriptedAdapter.AdapterKey, "Admin");

        outcome.Refusal.ShouldBe(AdapterErrors.Disabled);
        await using var scope = services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<AdaptersDbContext>().Runs.CountAsync(Ct)).ShouldBe(0);
    }
}
