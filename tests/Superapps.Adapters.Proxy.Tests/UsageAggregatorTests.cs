using Superapps.Adapters.Proxy.Usage;
using Superapps.AppCatalog.Contracts;

namespace Superapps.Adapters.Proxy.Tests;

public sealed class UsageAggregatorTests
{
    private static readonly Guid Simpeg = Guid.NewGuid();
    private static readonly Guid Sipd = Guid.NewGuid();
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Fact]
    public void Requests_errors_latency_and_distinct_users_add_up_per_app_and_day()
    {
        var usage = new UsageAggregator();
        usage.Record(Simpeg, Today, error: false, latencyMs: 0.4, user: "a");
        usage.Record(Simpeg, Today, error: true, latencyMs: 7, user: "a");
        usage.Record(Simpeg, Today, error: false, latencyMs: 9000, user: "b");
        usage.Record(Simpeg, Today, error: false, latencyMs: 3, user: null);
        usage.Record(Simpeg, Today.AddDays(1), error: false, latencyMs: 3, user: "a");
        usage.Record(Sipd, Today, error: false, latencyMs: 3, user: "c");

        var batches = usage.Drain();

        batches.Count.ShouldBe(3);
        var simpeg = batches.Single(b => b.AppId == Simpeg && b.Day == Today);
        simpeg.Requests.ShouldBe(4);
        simpeg.Errors.ShouldBe(1);
        simpeg.Users.ShouldBe(["a", "b"], ignoreOrder: true);
        simpeg.LatencyBuckets.Count.ShouldBe(UsageLatency.BucketUpperBoundsMs.Count);
        simpeg.LatencyBuckets[UsageLatency.BucketOf(0.4)].ShouldBe(1);
        simpeg.LatencyBuckets[UsageLatency.BucketOf(7)].ShouldBe(1);
        simpeg.LatencyBuckets[UsageLatency.BucketOf(3)].ShouldBe(1);
        simpeg.LatencyBuckets[^1].ShouldBe(1);
        simpeg.LatencyBuckets.Sum().ShouldBe(4);
    }

    [Fact]
    public void A_drain_starts_the_counters_again()
    {
        var usage = new UsageAggregator();
        usage.Record(Simpeg, Today, false, 1, "a");

        usage.Drain().ShouldHaveSingleItem();
        usage.Drain().ShouldBeEmpty();
    }

    [Fact]
    public void Restored_batches_merge_with_new_counts_for_the_next_flush()
    {
        var usage = new UsageAggregator();
        usage.Record(Simpeg, Today, true, 1, "a");
        var failed = usage.Drain();
        usage.Record(Simpeg, Today, false, 1, "b");

        usage.Restore(failed);

        var batch = usage.Drain().ShouldHaveSingleItem();
        batch.Requests.ShouldBe(2);
        batch.Errors.ShouldBe(1);
        batch.Users.ShouldBe(["a", "b"], ignoreOrder: true);
        batch.LatencyBuckets[UsageLatency.BucketOf(1)].ShouldBe(2);
    }

    [Fact]
    public async Task Concurrent_requests_are_all_counted()
    {
        var usage = new UsageAggregator();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                usage.Record(Simpeg, Today, i % 10 == 0, i % 50, $"u{t}");
            }
        }, TestContext.Current.CancellationToken)));

        var batch = usage.Drain().ShouldHaveSingleItem();
        batch.Requests.ShouldBe(80_000);
        batch.Errors.ShouldBe(8_000);
        batch.Users.Count.ShouldBe(8);
        batch.LatencyBuckets.Sum().ShouldBe(80_000);
    }
}
