using Microsoft.EntityFrameworkCore;
using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Data;
using Superapps.SharedKernel;

namespace Superapps.AppCatalog.Features.Usage;

/// <summary>One app's usage on one day: requests, distinct users, errors, and the median and 95th percentile latency (bucket bounds, ms).</summary>
public sealed record UsageDayView(DateOnly Day, long Requests, long Users, long Errors, double? P50Ms, double? P95Ms);

/// <summary>One app's usage over a period: requests, distinct users over the whole period, errors, p95 latency.</summary>
public sealed record UsageTotals(long Requests, long Users, long Errors, double? P95Ms)
{
    public static readonly UsageTotals None = new(0, 0, 0, null);
}

/// <summary>Reads of the usage the proxy reported, by day (WIB), for the app page and the portfolio.</summary>
public sealed class UsageQueries(IDbContextFactory<AppCatalogDbContext> contexts, TimeProvider clock)
{
    public const int Days = 30;

    /// <summary>The first day of the last <see cref="Days"/> days, today included.</summary>
    public DateOnly Since => Wib.Today(clock).AddDays(-(Days - 1));

    /// <summary>Every day of the last 30, oldest first; days without requests are zero.</summary>
    public async Task<IReadOnlyList<UsageDayView>> DailyAsync(Guid appId, CancellationToken cancellationToken = default)
    {
        var since = Since;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var days = await db.UsageDays.AsNoTracking().Where(u => u.AppId == appId && u.Day >= since).ToDictionaryAsync(u => u.Day, cancellationToken);
        var users = await db.UsageUsers.Where(u => u.AppId == appId && u.Day >= since).GroupBy(u => u.Day)
            .Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. Enumerable.Range(0, Days).Select(i => since.AddDays(i)).Select(day => days.TryGetValue(day, out var u)
            ? new UsageDayView(day, u.Requests, users.GetValueOrDefault(day), u.Errors, UsageLatency.Quantile(u.LatencyBuckets, 0.5), UsageLatency.Quantile(u.LatencyBuckets, 0.95))
            : new UsageDayView(day, 0, users.GetValueOrDefault(day), 0, null, null))];
    }

    /// <summary>The 95th percentile latency over the last 30 days of each of <paramref name="appIds"/> (apps without usage are absent).</summary>
    public async Task<IReadOnlyDictionary<Guid, double?>> P95Async(IReadOnlyCollection<Guid> appIds, CancellationToken cancellationToken = default)
    {
        var since = Since;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var days = await db.UsageDays.AsNoTracking().Where(u => u.Day >= since && appIds.Contains(u.AppId))
            .Select(u => new { u.AppId, u.LatencyBuckets }).ToListAsync(cancellationToken);
        var width = UsageLatency.BucketUpperBoundsMs.Count;
        return days.GroupBy(d => d.AppId).ToDictionary(g => g.Key, g =>
            UsageLatency.Quantile([.. Enumerable.Range(0, width).Select(i => g.Sum(d => i < d.LatencyBuckets.Length ? d.LatencyBuckets[i] : 0))], 0.95));
    }
}
