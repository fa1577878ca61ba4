using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Features.Portfolio;
using Superapps.AppCatalog.Features.Usage;
using Superapps.Testing;

namespace Superapps.AppCatalog.IntegrationTests;

/// <summary>The usage sink on PostgreSQL: flushes add up (requests, errors, latency buckets element-wise), distinct users are counted once.</summary>
public sealed class AppUsageSinkTests(PostgresServer server) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly int Width = UsageLatency.BucketUpperBoundsMs.Count;

    private ModuleServices _services = null!;
    private Guid _app;

    public async ValueTask InitializeAsync()
    {
        _services = await CatalogueHarness.CreateAsync(server);
        _app = (await _services.CreateAppAsync(CatalogueHarness.Simpeg())).Id;
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private IAppUsageSink Sink => _services.Services.GetRequiredService<IAppUsageSink>();

    [Fact]
    public async Task Two_flushes_add_up_and_distinct_users_are_counted_once()
    {
        var today = CatalogueHarness.Today;
        await Sink.RecordAsync([new AppUsageBatch(_app, today, 10, 1, CatalogueHarness.Buckets((8, 9), (400, 1)), ["u1", "u2"])], Ct);
        await Sink.RecordAsync([
            new AppUsageBatch(_app, today, 5, 2, CatalogueHarness.Buckets((8, 5)), ["u2", "u3"]),
            new AppUsageBatch(_app, today, 1, 0, CatalogueHarness.Buckets((30, 1)), ["u3"]),
            new AppUsageBatch(_app, today.AddDays(-1), 4, 0, CatalogueHarness.Buckets((3, 4)), ["u1"]),
        ], Ct);

        var day = await _services.ReadAsync(db => db.UsageDays.SingleAsync(u => u.AppId == _app && u.Day == today, Ct));
        (day.Requests, day.Errors).ShouldBe((16L, 3L));
        day.LatencyBuckets.ShouldBe(CatalogueHarness.Buckets((8, 14), (400, 1), (30, 1)));
        (await _services.ReadAsync(db => db.UsageUsers.CountAsync(u => u.AppId == _app && u.Day == today, Ct))).ShouldBe(3);

        await using var scope = _services.CreateScope();
        var usage = scope.ServiceProvider.GetRequiredService<UsageQueries>();
        var daily = await usage.DailyAsync(_app, Ct);
        daily.Count.ShouldBe(UsageQueries.Days);
        daily[^1].ShouldBe(new UsageDayView(today, 16, 3, 3, 10, 500)); // the 16th of 16 samples is the 400 ms one
        daily[^2].ShouldBe(new UsageDayView(today.AddDays(-1), 4, 1, 0, 5, 5));
        daily[0].Requests.ShouldBe(0);
        // The portfolio sums in SQL: users distinct over the whole period (u1 on both days counts once), p95 from the buckets added up.
        var (rows, _) = await scope.ServiceProvider.GetRequiredService<PortfolioQueries>().AppsAsync(PortfolioSort.Usage, false, 0, 10, Ct);
        rows.ShouldHaveSingleItem().Usage.ShouldBe(new UsageTotals(20, 3, 3, 50));
    }

    [Fact]
    public async Task Short_or_long_bucket_lists_are_padded_or_folded_into_the_last_bucket()
    {
        await Sink.RecordAsync([new AppUsageBatch(_app, CatalogueHarness.Today, 3, 0, [1, 1], ["u1"])], Ct);
        await Sink.RecordAsync([new AppUsageBatch(_app, CatalogueHarness.Today, 2, 0, [.. new long[Width], 2], [])], Ct);

        var day = await _services.ReadAsync(db => db.UsageDays.SingleAsync(u => u.AppId == _app, Ct));
        day.LatencyBuckets.Length.ShouldBe(Width);
        (day.LatencyBuckets[0], day.LatencyBuckets[1], day.LatencyBuckets[^1]).ShouldBe((1L, 1L, 2L));
    }

    [Fact]
    public async Task An_empty_flush_stores_nothing()
    {
        await Sink.RecordAsync([], Ct);

        (await _services.ReadAsync(db => db.UsageDays.CountAsync(Ct))).ShouldBe(0);
    }
}
