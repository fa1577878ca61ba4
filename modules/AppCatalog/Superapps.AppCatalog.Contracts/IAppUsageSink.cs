namespace Superapps.AppCatalog.Contracts;

/// <summary>
/// Receives the proxy's usage counters, aggregated in memory per app and day (WIB) and flushed every few seconds, so that
/// retirement decisions rest on numbers: requests, errors, latency and distinct users per day.
/// </summary>
public interface IAppUsageSink
{
    /// <summary>Adds the counters to what is stored (adds requests, errors and latency; unions users).</summary>
    Task RecordAsync(IReadOnlyCollection<AppUsageBatch> batches, CancellationToken cancellationToken = default);
}

/// <summary>One app's usage on one day since the last flush.</summary>
/// <param name="AppId">The catalogue's id of the app.</param>
/// <param name="Day">The day in WIB.</param>
/// <param name="Requests">Requests forwarded or answered for the app.</param>
/// <param name="Errors">Answers of 5xx and requests the app did not answer at all.</param>
/// <param name="LatencyBuckets">Counts per <see cref="UsageLatency.BucketUpperBoundsMs"/> bucket (same length).</param>
/// <param name="Users">The distinct users (subject ids) seen.</param>
public sealed record AppUsageBatch(Guid AppId, DateOnly Day, long Requests, long Errors, IReadOnlyList<long> LatencyBuckets, IReadOnlyCollection<string> Users);

/// <summary>The fixed latency histogram shared by the proxy and the catalogue.</summary>
public static class UsageLatency
{
    /// <summary>Upper bounds in milliseconds; the last bucket holds everything above the one before it.</summary>
    public static IReadOnlyList<double> BucketUpperBoundsMs { get; } = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, double.PositiveInfinity];

    /// <summary>The bucket a latency falls into.</summary>
    public static int BucketOf(double milliseconds)
    {
        for (var i = 0; i < BucketUpperBoundsMs.Count; i++)
        {
            if (milliseconds <= BucketUpperBoundsMs[i])
            {
                return i;
            }
        }

        return BucketUpperBoundsMs.Count - 1;
    }

    /// <summary>The upper bound of the bucket holding the given quantile (0..1), or null without samples.</summary>
    public static double? Quantile(IReadOnlyList<long> buckets, double quantile)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var total = buckets.Sum();
        if (total == 0)
        {
            return null;
        }

        var rank = Math.Ceiling(quantile * total);
        long seen = 0;
        for (var i = 0; i < buckets.Count; i++)
        {
            seen += buckets[i];
            if (seen >= rank)
            {
                return BucketUpperBoundsMs[Math.Min(i, BucketUpperBoundsMs.Count - 1)];
            }
        }

        return BucketUpperBoundsMs[^1];
    }
}
