using Microsoft.EntityFrameworkCore;
using Superapps.Adapters.Data;
using Superapps.Adapters.Domain;
using Superapps.SharedKernel;

namespace Superapps.Adapters.Features.Runs;

/// <summary>Where a run's progress goes as it happens.</summary>
internal interface IAdapterRunStore
{
    Task SaveCheckpointAsync(string adapterKey, Guid runId, string? checkpoint, AdapterRunCounts counts, CancellationToken cancellationToken);

    Task RecordImportedAsync(string adapterKey, string externalId, string internalId, Guid runId, CancellationToken cancellationToken);

    Task<string?> TryGetImportedAsync(string adapterKey, string externalId, CancellationToken cancellationToken);

    Task RecordErrorAsync(Guid runId, string reference, UserError error, CancellationToken cancellationToken);
}

/// <summary>Saves each call at once, each in its own short statement, so a crash loses nothing already reported.</summary>
internal sealed class AdapterRunStore(AdaptersDbContext db, TimeProvider clock) : IAdapterRunStore
{
    public async Task SaveCheckpointAsync(string adapterKey, Guid runId, string? checkpoint, AdapterRunCounts counts, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO adapters.checkpoints (adapter_key, value, run_id, saved_at) VALUES ({adapterKey}, {checkpoint}, {runId}, {now})
            ON CONFLICT (adapter_key) DO UPDATE SET value = excluded.value, run_id = excluded.run_id, saved_at = excluded.saved_at
            """, cancellationToken);
        await db.Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.CheckpointAfter, checkpoint)
            .SetProperty(r => r.ReadCount, counts.Read)
            .SetProperty(r => r.CreatedCount, counts.Created)
            .SetProperty(r => r.UpdatedCount, counts.Updated)
            .SetProperty(r => r.SkippedCount, counts.Skipped)
            .SetProperty(r => r.FailedCount, counts.Failed), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task RecordImportedAsync(string adapterKey, string externalId, string internalId, Guid runId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO adapters.imported_records (adapter_key, external_id, internal_id, run_id, imported_at)
            VALUES ({adapterKey}, {externalId}, {internalId}, {runId}, {now})
            ON CONFLICT (adapter_key, external_id) DO UPDATE SET internal_id = excluded.internal_id
            """, cancellationToken);
    }

    public Task<string?> TryGetImportedAsync(string adapterKey, string externalId, CancellationToken cancellationToken) =>
        db.ImportedRecords.AsNoTracking()
            .Where(r => r.AdapterKey == adapterKey && r.ExternalId == externalId)
            .Select(r => r.InternalId)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task RecordErrorAsync(Guid runId, string reference, UserError error, CancellationToken cancellationToken)
    {
        db.RunErrors.Add(new AdapterRunError
        {
            RunId = runId,
            Reference = Clip(reference, 500),
            Code = Clip(error.Code, 100),
            MessageIndonesian = Clip(error.Indonesian, 2000),
            MessageEnglish = Clip(error.English, 2000),
            RecordedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static string Clip(string text, int length) => text.Length > length ? text[..length] : text;
}
