using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Superapps.Adapters.Data;
using Superapps.Adapters.Domain;
using Superapps.SharedKernel;

namespace Superapps.Adapters.Features.Runs;

/// <summary>What came of asking for a run: the run (finished, whatever its status), or why none was started.</summary>
public sealed record AdapterRunOutcome(Guid? RunId, AdapterRunStatus? Status, AdapterRunCounts Counts, UserError? Refusal)
{
    public static AdapterRunOutcome Refused(UserError error) => new(null, null, AdapterRunCounts.None, error);
}

/// <summary>
/// Runs an adapter: one run at a time per adapter across every portal instance (a PostgreSQL advisory lock held for the run,
/// and a unique index on the running row), a run row from start to finish, the checkpoint of the last run handed in, and any
/// exception turned into a failed run with its message kept. A run still marked running when the lock is free was left by a
/// process that died: it is closed as failed, and the new run resumes from the last saved checkpoint.
/// </summary>
public sealed partial class AdapterRunner(
    IServiceProvider services,
    AdaptersDbContext db,
    NpgsqlDataSource dataSource,
    IAuditTrail audit,
    TimeProvider clock,
    ILogger<AdapterRunner> logger)
{
    /// <summary>The first key of the adapters' advisory locks (the second is the adapter key's hash).</summary>
    internal const int LockClass = 7452100;

    /// <param name="triggeredBy">"jadwal" for the schedule, or who pressed "Jalankan sekarang".</param>
    public async Task<AdapterRunOutcome> RunAsync(string adapterKey, string triggeredBy, CancellationToken cancellationToken = default)
    {
        // Only this adapter is built: another one, switched off, may lack its module in this host.
        if (services.GetServices<AdapterRegistration>().FirstOrDefault(r => r.Key == adapterKey) is not { } registration
            || services.GetService(registration.AdapterType) is not ILegacyAdapter adapter)
        {
            return AdapterRunOutcome.Refused(AdapterErrors.Unknown);
        }

        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await TryLockAsync(lockConnection, adapterKey, cancellationToken))
        {
            return AdapterRunOutcome.Refused(AdapterErrors.AlreadyRunning);
        }

        try
        {
            return await RunLockedAsync(adapter, triggeredBy, cancellationToken);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@c, hashtext(@k))", lockConnection);
            unlock.Parameters.AddWithValue("c", LockClass);
            unlock.Parameters.AddWithValue("k", adapterKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private async Task<AdapterRunOutcome> RunLockedAsync(ILegacyAdapter adapter, string triggeredBy, CancellationToken cancellationToken)
    {
        var key = adapter.Key;
        var now = clock.GetUtcNow();
        var interrupted = await db.Runs.Where(r => r.AdapterKey == key && r.Status == AdapterRunStatus.Running).ToListAsync(cancellationToken);
        foreach (var stale in interrupted)
        {
            stale.Fail(AdapterErrors.Interrupted, null, null, now);
        }

        var checkpoint = await db.Checkpoints.AsNoTracking().Where(c => c.AdapterKey == key).Select(c => c.Value).FirstOrDefaultAsync(cancellationToken);
        var run = AdapterRun.Start(Guid.CreateVersion7(now), key, triggeredBy, checkpoint, now);
        db.Runs.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        LogStarted(logger, key, run.Id, checkpoint ?? "-");

        var context = new AdapterRunContext(services.GetRequiredService<IAdapterRunStore>(), key, run.Id, checkpoint, services);
        try
        {
            await adapter.RunAsync(context, cancellationToken);
            run.Finish(context.Checkpoint, context.Counts, clock.GetUtcNow());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run.Fail(AdapterErrors.Cancelled, context.Counts, context.Checkpoint, clock.GetUtcNow());
        }
#pragma warning disable CA1031 // Whatever an adapter throws fails its run, with the message kept in the run log.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex, key, run.Id);
            run.Fail(Describe(ex), context.Counts, context.Checkpoint, clock.GetUtcNow());
        }

        db.ChangeTracker.Clear();
        db.Runs.Update(run);
        await db.SaveChangesAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        var counts = context.Counts;
        await audit.RecordAsync(new AuditEvent("adapters", "adapter.run-finished", "adapter-run", run.Id.ToString(),
            $"{key}: {run.Status} (baca {counts.Read}, baru {counts.Created}, ubah {counts.Updated}, lewati {counts.Skipped}, gagal {counts.Failed})",
            new { adapter = key, status = run.Status.ToString(), counts, triggeredBy, run.Message }), CancellationToken.None);
        return new AdapterRunOutcome(run.Id, run.Status, counts, null);
    }

    /// <summary>The exception's type and message, with its inner exceptions' messages: what an administrator reads on the page.</summary>
    private static string Describe(Exception ex)
    {
        var parts = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException)
        {
            parts.Add($"{e.GetType().Name}: {e.Message}");
        }

        return string.Join(" → ", parts);
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, string key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@c, hashtext(@k))", connection);
        command.Parameters.AddWithValue("c", LockClass);
        command.Parameters.AddWithValue("k", key);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Adapter {Adapter} run {RunId} started from checkpoint {Checkpoint}.")]
    private static partial void LogStarted(ILogger logger, string adapter, Guid runId, string checkpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Adapter {Adapter} run {RunId} failed.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string adapter, Guid runId);
}
