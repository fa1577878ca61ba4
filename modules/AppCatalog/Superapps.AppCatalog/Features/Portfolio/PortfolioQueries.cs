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
/// The portfolio: counts by status and TIME decision, the yearly cost of the apps still running and the cost saved by the retired ones,
/// by OPD, and each app's usage (sorted least used first, so a retirement rests on numbers).
/// </summary>
public sealed record PortfolioSummary(int Total, IReadOnlyDictionary<AppStatus, int> ByStatus, IReadOnlyDictionary<TimeDecision, int> ByDecision,
    long RunningYearlyCost, long SavedYearlyCost, IReadOnlyList<PortfolioAgency> ByAgency, IReadOnlyList<PortfolioApp> Apps);

public sealed class PortfolioQueries(IDbContextFactory<AppCatalogDbContext> contexts, UsageQueries usage)
{
    public async Task<PortfolioSummary> SummaryAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var apps = await db.Apps.AsNoTracking()
            .Select(a => new { a.Id, a.Slug, a.Name, a.OwnerAgencyId, a.OwnerAgencyName, a.Status, a.Decision, a.YearlyCost })
            .ToListAsync(cancellationToken);
        var totals = await usage.TotalsAsync(cancellationToken);
        var rows = apps.Select(a => new PortfolioApp(a.Id, a.Slug, a.Name, a.OwnerAgencyName, a.Status, a.Decision, a.YearlyCost,
                totals.GetValueOrDefault(a.Id, UsageTotals.None)))
            .OrderBy(a => a.Status == AppStatus.Retired).ThenBy(a => a.Usage.Requests).ThenBy(a => a.Usage.Users).ThenBy(a => a.Name, StringComparer.Ordinal).ToList();
        return new PortfolioSummary(apps.Count,
            Enum.GetValues<AppStatus>().ToDictionary(s => s, s => apps.Count(a => a.Status == s)),
            Enum.GetValues<TimeDecision>().ToDictionary(d => d, d => apps.Count(a => a.Decision == d)),
            apps.Where(a => a.Status != AppStatus.Retired).Sum(a => a.YearlyCost),
            apps.Where(a => a.Status == AppStatus.Retired).Sum(a => a.YearlyCost),
            [.. apps.GroupBy(a => a.OwnerAgencyId).Select(g => new PortfolioAgency(g.Key, g.First().OwnerAgencyName, g.Count(), g.Count(a => a.Status == AppStatus.Retired),
                g.Where(a => a.Status != AppStatus.Retired).Sum(a => a.YearlyCost))).OrderByDescending(a => a.Apps).ThenBy(a => a.Name, StringComparer.Ordinal)],
            rows);
    }
}
