using Microsoft.EntityFrameworkCore;
using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Data;
using Superapps.AppCatalog.Features.Usage;

namespace Superapps.AppCatalog.Features.Portfolio;

/// <summary>One app in the portfolio with its usage over the last 30 days.</summary>
public sealed record PortfolioApp(Guid Id, string Slug, string Name, string OwnerAgencyName, AppStatus Status, TimeDecision Decision, long YearlyCost, UsageTotals Usage);

/// <summary>One OPD's share: its apps, how many are retired, what they cost a year.</summary>
public sealed record PortfolioAgency(Guid AgencyId, string Name, int Apps, int Retired, long YearlyCost);

/// <summary>
/// The portfolio's figures: counts by status and TIME decision, the yearly cost of the apps still running and the cost saved by the
/// retired ones, and the share of each OPD. Each app's usage is read a page at a time (<see cref="PortfolioQueries.AppsAsync"/>).
/// </summary>
public sealed record PortfolioSummary(int Total, IReadOnlyDictionary<AppStatus, int> ByStatus, IReadOnlyDictionary<TimeDecision, int> ByDecision,
    long RunningYearlyCost, long SavedYearlyCost, IReadOnlyList<PortfolioAgency> ByAgency);

/// <summary>The columns the portfolio's usage table sorts by; <see cref="Usage"/> is least used first, retired apps last.</summary>
public enum PortfolioSort
{
    Usage,
    Name,
    Requests,
    Users,
    Errors,
    Cost,
}

public sealed class PortfolioQueries(IDbContextFactory<AppCatalogDbContext> contexts, UsageQueries usage)
{
    public async Task<PortfolioSummary> SummaryAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var apps = await db.Apps.AsNoTracking()
            .Select(a => new { a.OwnerAgencyId, a.OwnerAgencyName, a.Status, a.Decision, a.YearlyCost })
            .ToListAsync(cancellationToken);
        return new PortfolioSummary(apps.Count,
            Enum.GetValues<AppStatus>().ToDictionary(s => s, s => apps.Count(a => a.Status == s)),
            Enum.GetValues<TimeDecision>().ToDictionary(d => d, d => apps.Count(a => a.Decision == d)),
            apps.Where(a => a.Status != AppStatus.Retired).Sum(a => a.YearlyCost),
            apps.Where(a => a.Status == AppStatus.Retired).Sum(a => a.YearlyCost),
            [.. apps.GroupBy(a => a.OwnerAgencyId).Select(g => new PortfolioAgency(g.Key, g.First().OwnerAgencyName, g.Count(), g.Count(a => a.Status == AppStatus.Retired),
                g.Where(a => a.Status != AppStatus.Retired).Sum(a => a.YearlyCost))).OrderByDescending(a => a.Apps).ThenBy(a => a.Name, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// One page of the apps with their usage over the last 30 days, sorted in the database: the usage is summed per app in SQL and
    /// joined to the apps, so every sort (least used first by default) runs over the whole catalogue before the page is cut.
    /// </summary>
    public async Task<(IReadOnlyList<PortfolioApp> Rows, int Total)> AppsAsync(PortfolioSort sort, bool descending, int skip, int take,
        CancellationToken cancellationToken = default)
    {
        var since = usage.Since;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var days = db.UsageDays.Where(d => d.Day >= since).GroupBy(d => d.AppId)
            .Select(g => new { AppId = g.Key, Requests = g.Sum(d => d.Requests), Errors = g.Sum(d => d.Errors) });
        var users = db.UsageUsers.Where(u => u.Day >= since).GroupBy(u => u.AppId)
            .Select(g => new { AppId = g.Key, Users = g.Select(u => u.UserRef).Distinct().LongCount() });
        var query =
            from a in db.Apps.AsNoTracking()
            join d in days on a.Id equals d.AppId into dayTotals
            from d in dayTotals.DefaultIfEmpty()
            join u in users on a.Id equals u.AppId into userTotals
            from u in userTotals.DefaultIfEmpty()
            select new UsageRow
            {
                Id = a.Id, Slug = a.Slug, Name = a.Name, OwnerAgencyName = a.OwnerAgencyName, Status = a.Status, Decision = a.Decision, YearlyCost = a.YearlyCost,
                Requests = (long?)d.Requests ?? 0, Users = (long?)u.Users ?? 0, Errors = (long?)d.Errors ?? 0,
            };
        var total = await db.Apps.CountAsync(cancellationToken);
        query = (sort, descending) switch
        {
            (PortfolioSort.Name, false) => query.OrderBy(r => r.Name).ThenBy(r => r.Id),
            (PortfolioSort.Name, true) => query.OrderByDescending(r => r.Name).ThenBy(r => r.Id),
            (PortfolioSort.Requests, false) => query.OrderBy(r => r.Requests).ThenBy(r => r.Name).ThenBy(r => r.Id),
            (PortfolioSort.Requests, true) => query.OrderByDescending(r => r.Requests).ThenBy(r => r.Name).ThenBy(r => r.Id),
            (PortfolioSort.Users, false) => query.OrderBy(r => r.Users).ThenBy(r => r.Name).ThenBy(r => r.Id),
            (PortfolioSort.Users, true) => query.OrderByDescending(r => r.Users).ThenBy(r => r.Name).ThenBy(r => r.Id),
            (PortfolioSort.Errors, false) => query.OrderBy(r => r.Errors).ThenBy(r => r.Name).ThenBy(r => r.Id),
            (PortfolioSort.Errors, true) => query.OrderByDescending(r => r.Errors).ThenBy(r => r.Name).ThenBy(r => r.Id),
            (PortfolioSort.Cost, false) => query.OrderBy(r => r.YearlyCost).ThenBy(r => r.Name).ThenBy(r => r.Id),
            (PortfolioSort.Cost, true) => query.OrderByDescending(r => r.YearlyCost).ThenBy(r => r.Name).ThenBy(r => r.Id),
            (_, true) => query.OrderBy(r => r.Status == AppStatus.Retired).ThenByDescending(r => r.Requests).ThenByDescending(r => r.Users)
                .ThenBy(r => r.Name).ThenBy(r => r.Id),
            _ => query.OrderBy(r => r.Status == AppStatus.Retired).ThenBy(r => r.Requests).ThenBy(r => r.Users).ThenBy(r => r.Name).ThenBy(r => r.Id),
        };
        var page = await query.Skip(skip).Take(take).ToListAsync(cancellationToken);
        var p95 = await usage.P95Async([.. page.Select(r => r.Id)], cancellationToken);
        return ([.. page.Select(r => new PortfolioApp(r.Id, r.Slug, r.Name, r.OwnerAgencyName, r.Status, r.Decision, r.YearlyCost,
            new UsageTotals(r.Requests, r.Users, r.Errors, p95.GetValueOrDefault(r.Id))))], total);
    }

    /// <summary>A row of the usage query: built by member initialization, so that the database sorts by its members.</summary>
    private sealed class UsageRow
    {
        public Guid Id { get; init; }
        public string Slug { get; init; } = string.Empty;
        public string Name { get; init; } = string.Empty;
        public string OwnerAgencyName { get; init; } = string.Empty;
        public AppStatus Status { get; init; }
        public TimeDecision Decision { get; init; }
        public long YearlyCost { get; init; }
        public long Requests { get; init; }
        public long Users { get; init; }
        public long Errors { get; init; }
    }
}
