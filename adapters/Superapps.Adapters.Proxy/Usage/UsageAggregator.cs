using Superapps.AppCatalog.Contracts;

namespace Superapps.Adapters.Proxy.Usage;

/// <summary>
/// The proxy's usage counters per app and WIB day, in memory: each request takes a short lock to add itself (never a database
/// write), <see cref="Drain"/> hands everything over for a flush, and <see cref="Restore"/> puts back what a failed flush could not store.
/// </summary>
internal sealed class UsageAggregator
{
    private readonly Lock _lock = new();
    private Dictionary<(Guid App, DateOnly Day), Counter> _counters = [];

    public void Record(Guid appId, DateOnly day, bool error, double latencyMs, string? user)
    {
        var bucket = UsageLatency.BucketOf(latencyMs);
        lock (_lock)
        {
            var counter = CounterOf(appId, day);
            counter.Requests++;
            if (error)
            {
                counter.Errors++;
            }

            counter.Latency[bucket]++;
            if (user is not null)
            {
                counter.Users.Add(user);
            }
        }
    }

    /// <summary>Everything counted since the last drain; the counters start again from zero.</summary>
    public IReadOnlyList<AppUsageBatch> Drain()
    {
        Dictionary<(Guid App, DateOnly Day), Counter> drained;
        lock (_lock)
        {
            drained = _counters;
            _counters = [];
        }

        return [.. drained.Select(kv => new AppUsageBatch(kv.Key.App, kv.Key.Day, kv.Value.Requests, kv.Value.Errors, kv.Value.Latency, kv.Value.Users))];
    }

    /// <summary>Adds back batches a flush could not store, so the next flush carries them.</summary>
    public void Restore(IEnumerable<AppUsageBatch> batches)
    {
        lock (_lock)
        {
            foreach (var batch in batches)
            {
                var counter = CounterOf(batch.AppId, batch.Day);
                counter.Requests += batch.Requests;
                counter.Errors += batch.Errors;
                for (var i = 0; i < Math.Min(batch.LatencyBuckets.Count, counter.Latency.Length); i++)
                {
                    counter.Latency[i] += batch.LatencyBuckets[i];
                }

                counter.Users.UnionWith(batch.Users);
            }
        }
    }

    private Counter CounterOf(Guid appId, DateOnly day)
    {
        if (!_counters.TryGetValue((appId, day), out var counter))
        {
            counter = new Counter();
            _counters[(appId, day)] = counter;
        }

        return counter;
    }

    private sealed class Counter
    {
        public long Requests;
        public long Errors;
        public readonly long[] Latency = new long[UsageLatency.BucketUpperBoundsMs.Count];
        public readonly HashSet<string> Users = new(StringComparer.Ordinal);
    }
}
