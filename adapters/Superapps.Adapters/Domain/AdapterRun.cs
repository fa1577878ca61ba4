namespace Superapps.Adapters.Domain;

public enum AdapterRunStatus
{
    Running = 0,

    /// <summary>Every record read was taken or skipped.</summary>
    Succeeded = 1,

    /// <summary>The run finished, some records were refused (see its errors).</summary>
    PartiallyFailed = 2,

    /// <summary>The run stopped: an exception, a feed that is down, or a process that died (found by the next run).</summary>
    Failed = 3,
}

/// <summary>One run of an adapter, with its counts and the checkpoint it started from and ended with.</summary>
public sealed class AdapterRun
{
    public const int MaxMessageLength = 4000;

    private AdapterRun()
    {
    }

    public Guid Id { get; private set; }

    public string AdapterKey { get; private set; } = string.Empty;

    /// <summary>"jadwal" (the schedule) or the name of the person who pressed "Jalankan sekarang".</summary>
    public string TriggeredBy { get; private set; } = string.Empty;

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public AdapterRunStatus Status { get; private set; }

    public int ReadCount { get; private set; }

    public int CreatedCount { get; private set; }

    public int UpdatedCount { get; private set; }

    public int SkippedCount { get; private set; }

    public int FailedCount { get; private set; }

    public string? CheckpointBefore { get; private set; }

    public string? CheckpointAfter { get; private set; }

    /// <summary>Why a failed run failed, in full.</summary>
    public string? Message { get; private set; }

    public AdapterRunCounts Counts => new(ReadCount, CreatedCount, UpdatedCount, SkippedCount, FailedCount);

    public static AdapterRun Start(Guid id, string adapterKey, string triggeredBy, string? checkpoint, DateTimeOffset now) => new()
    {
        Id = id,
        AdapterKey = adapterKey,
        TriggeredBy = triggeredBy.Length > 200 ? triggeredBy[..200] : triggeredBy,
        StartedAt = now,
        Status = AdapterRunStatus.Running,
        CheckpointBefore = checkpoint,
        CheckpointAfter = checkpoint,
    };

    public void Progress(string? checkpoint, AdapterRunCounts counts)
    {
        CheckpointAfter = checkpoint;
        SetCounts(counts);
    }

    public void Finish(string? checkpoint, AdapterRunCounts counts, DateTimeOffset now)
    {
        Progress(checkpoint, counts);
        Status = counts.Failed > 0 ? AdapterRunStatus.PartiallyFailed : AdapterRunStatus.Succeeded;
        FinishedAt = now;
    }

    /// <summary>Closes the run as failed; <paramref name="counts"/> and <paramref name="checkpoint"/> are what it got to, when known.</summary>
    public void Fail(string message, AdapterRunCounts? counts, string? checkpoint, DateTimeOffset now)
    {
        if (counts is not null)
        {
            SetCounts(counts);
            CheckpointAfter = checkpoint;
        }

        Status = AdapterRunStatus.Failed;
        Message = message.Length > MaxMessageLength ? message[..MaxMessageLength] : message;
        FinishedAt = now;
    }

    private void SetCounts(AdapterRunCounts counts)
    {
        ReadCount = counts.Read;
        CreatedCount = counts.Created;
        UpdatedCount = counts.Updated;
        SkippedCount = counts.Skipped;
        FailedCount = counts.Failed;
    }
}

/// <summary>A record a run could not take, with where it is and why, in both languages.</summary>
public sealed class AdapterRunError
{
    public long Id { get; set; }

    public Guid RunId { get; set; }

    /// <summary>Where the record is: file and row, or the legacy id.</summary>
    public string Reference { get; set; } = string.Empty;

    public string Code { get; set; } = string.Empty;

    public string MessageIndonesian { get; set; } = string.Empty;

    public string MessageEnglish { get; set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>(adapter, legacy id) → the id the record got inside the portal: what makes a re-run import nothing twice.</summary>
public sealed class ImportedRecord
{
    public string AdapterKey { get; set; } = string.Empty;

    public string ExternalId { get; set; } = string.Empty;

    public string InternalId { get; set; } = string.Empty;

    public Guid RunId { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
}

/// <summary>The last checkpoint an adapter saved: where its next run starts.</summary>
public sealed class AdapterCheckpoint
{
    public string AdapterKey { get; set; } = string.Empty;

    public string? Value { get; set; }

    public Guid RunId { get; set; }

    public DateTimeOffset SavedAt { get; set; }
}
