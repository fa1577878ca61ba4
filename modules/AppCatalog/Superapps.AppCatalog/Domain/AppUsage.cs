namespace Superapps.AppCatalog.Domain;

/// <summary>One app's usage on one day (WIB), as the proxy reported it: added up flush after flush.</summary>
public sealed class AppUsageDay
{
    public Guid AppId { get; set; }

    public DateOnly Day { get; set; }

    public long Requests { get; set; }

    public long Errors { get; set; }

    /// <summary>Counts per <see cref="Contracts.UsageLatency.BucketUpperBoundsMs"/> bucket.</summary>
    public long[] LatencyBuckets { get; set; } = [];
}

/// <summary>A user (subject id) seen using an app on a day: one row each, so distinct users are counted.</summary>
public sealed class AppUsageUser
{
    public Guid AppId { get; set; }

    public DateOnly Day { get; set; }

    public string UserRef { get; set; } = string.Empty;
}

/// <summary>The directory's stamp: one row, bumped by a trigger in the same transaction as any change of the apps table.</summary>
public sealed class DirectoryStamp
{
    public int Id { get; set; }

    public long Value { get; set; }
}

/// <summary>An app's health as the proxy last reported it: written when it changes (and every few minutes), never per probe.</summary>
public sealed class AppHealthState
{
    public Guid AppId { get; set; }

    public Contracts.AppHealth Health { get; set; }

    /// <summary>When the state became what it is.</summary>
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>When the proxy last looked.</summary>
    public DateTimeOffset CheckedAt { get; set; }
}
