using Superapps.Adapters.Features.Runs;
using Superapps.SharedKernel;

namespace Superapps.Adapters;

/// <summary>
/// What a run of an <see cref="ILegacyAdapter"/> gets from the seam: its checkpoint, the map of what it imported before, a place
/// for errors per record and the counters. Every call is saved at once, in the <c>adapters</c> schema, so nothing of it is lost
/// when the run or the process dies.
/// </summary>
public sealed class AdapterRunContext
{
    private readonly IAdapterRunStore _store;
    private int _read;
    private int _created;
    private int _updated;
    private int _skipped;
    private int _failed;

    internal AdapterRunContext(IAdapterRunStore store, string adapterKey, Guid runId, string? checkpoint, IServiceProvider services)
    {
        _store = store;
        AdapterKey = adapterKey;
        RunId = runId;
        Checkpoint = checkpoint;
        Services = services;
    }

    public string AdapterKey { get; }

    public Guid RunId { get; }

    /// <summary>The checkpoint the last run saved (opaque to the seam), or null to start from the beginning.</summary>
    public string? Checkpoint { get; private set; }

    /// <summary>The run's own dependency injection scope.</summary>
    public IServiceProvider Services { get; }

    public AdapterRunCounts Counts => new(_read, _created, _updated, _skipped, _failed);

    /// <summary>Saves a new checkpoint now (with the counts so far); a later run resumes from it. Null starts the next run from the beginning.</summary>
    public async Task SaveCheckpointAsync(string? checkpoint, CancellationToken cancellationToken = default)
    {
        Checkpoint = checkpoint;
        await _store.SaveCheckpointAsync(AdapterKey, RunId, checkpoint, Counts, cancellationToken);
    }

    /// <summary>Remembers that the legacy record <paramref name="externalId"/> became <paramref name="internalId"/> (saved at once).</summary>
    public Task RecordImportedAsync(string externalId, string internalId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalId);
        ArgumentException.ThrowIfNullOrWhiteSpace(internalId);
        return _store.RecordImportedAsync(AdapterKey, externalId, internalId, RunId, cancellationToken);
    }

    /// <summary>The internal id a legacy record was imported as by any earlier run, or null.</summary>
    public Task<string?> TryGetImportedAsync(string externalId, CancellationToken cancellationToken = default) =>
        _store.TryGetImportedAsync(AdapterKey, externalId, cancellationToken);

    /// <summary>
    /// Reports a record that could not be taken (saved at once) and counts it as failed; the run goes on. <paramref name="reference"/>
    /// says where it is, e.g. <c>tb_surat_masuk.csv baris 7 (id_surat 1042)</c>.
    /// </summary>
    public async Task RecordErrorAsync(string reference, UserError error, CancellationToken cancellationToken = default)
    {
        _failed++;
        await _store.RecordErrorAsync(RunId, reference, error, cancellationToken);
    }

    public void CountRead(int count = 1) => _read += count;

    public void CountCreated() => _created++;

    public void CountUpdated() => _updated++;

    public void CountSkipped() => _skipped++;
}
