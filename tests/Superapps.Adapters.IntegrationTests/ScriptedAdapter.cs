using System.Collections.Concurrent;
using System.Globalization;
using Superapps.Adapters;
using Superapps.SharedKernel;

namespace Superapps.Adapters.IntegrationTests;

public sealed class ScriptedAdapterOptions : AdapterOptions
{
    public const string Section = "Superapps:Adapters:Scripted";
}

/// <summary>What the scripted adapter does on its next run, and what it has done: shared by the test and the adapter.</summary>
public sealed class Script
{
    /// <summary>The legacy records, in order.</summary>
    public List<string> Records { get; } = [.. Enumerable.Range(1, 10).Select(i => $"ext-{i}")];

    /// <summary>Throws when it reaches this record (a failure midway), once.</summary>
    public string? ThrowAt { get; set; }

    /// <summary>Refuses these records as bad.</summary>
    public HashSet<string> Bad { get; } = [];

    /// <summary>When set, a run tells <see cref="Started"/> and waits for this before doing anything.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many times each record was created in the "module": a record created twice is the bug the seam prevents.</summary>
    public ConcurrentDictionary<string, int> Created { get; } = new();

    /// <summary>The checkpoint each run started from.</summary>
    public ConcurrentQueue<string?> StartedFrom { get; } = new();
}

/// <summary>
/// A test adapter written as the README says: start after the checkpoint, skip what was imported, save the checkpoint after each
/// record, report bad records and go on.
/// </summary>
public sealed class ScriptedAdapter(Script script) : ILegacyAdapter
{
    public const string AdapterKey = "scripted";

    public string Key => AdapterKey;

    public AdapterDescription Describe() => new("Uji", "Test", "memory", "test", "Adaptor uji", "Test adapter");

    public async Task RunAsync(AdapterRunContext context, CancellationToken cancellationToken)
    {
        script.StartedFrom.Enqueue(context.Checkpoint);
        if (script.Gate is { } gate)
        {
            script.Started.TrySetResult();
            await gate.Task.WaitAsync(cancellationToken);
        }

        var start = context.Checkpoint is { } checkpoint ? int.Parse(checkpoint, CultureInfo.InvariantCulture) : 0;
        for (var i = start; i < script.Records.Count; i++)
        {
            var id = script.Records[i];
            context.CountRead();
            if (id == script.ThrowAt)
            {
                script.ThrowAt = null;
                throw new InvalidOperationException($"The legacy database went away at {id}.");
            }

            if (script.Bad.Contains(id))
            {
                await context.RecordErrorAsync($"records.csv baris {i + 2} ({id})",
                    new UserError("test.bad", $"Rekaman {id} rusak.", $"Record {id} is broken."), cancellationToken);
            }
            else if (await context.TryGetImportedAsync(id, cancellationToken) is not null)
            {
                context.CountSkipped();
            }
            else
            {
                script.Created.AddOrUpdate(id, 1, (_, n) => n + 1);
                await context.RecordImportedAsync(id, $"internal-{id}", cancellationToken);
                context.CountCreated();
            }

            await context.SaveCheckpointAsync((i + 1).ToString(CultureInfo.InvariantCulture), cancellationToken);
        }

        // A complete pass: the next run reads everything again (and skips what it imported).
        await context.SaveCheckpointAsync(null, cancellationToken);
    }
}
