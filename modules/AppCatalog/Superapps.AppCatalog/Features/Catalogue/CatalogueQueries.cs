using Microsoft.EntityFrameworkCore;
using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Data;
using Superapps.AppCatalog.Domain;
using Superapps.AppCatalog.Features.Health;
using Superapps.SharedKernel;

namespace Superapps.AppCatalog.Features.Catalogue;

/// <summary>The catalogue's filters: text in the name, slug or vendor, the status, the TIME decision and the owner OPD (null: any).</summary>
public sealed record CatalogueFilter(string? Text = null, AppStatus? Status = null, TimeDecision? Decision = null, Guid? OwnerAgencyId = null);

/// <summary>The columns the catalogue sorts by.</summary>
public enum CatalogueSort
{
    Name,
    Owner,
    Status,
    Cost,
}

/// <summary>Reads of the catalogue for its pages, one context per call (a Blazor circuit never runs two queries on one context).</summary>
public sealed class CatalogueQueries(IDbContextFactory<AppCatalogDbContext> contexts)
{
    public async Task<(IReadOnlyList<CityApp> Rows, int Total)> ListAsync(CatalogueFilter filter, CatalogueSort sort, bool descending, int skip, int take,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Apps.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = LikePattern.Contains(filter.Text);
            query = query.Where(a => EF.Functions.ILike(a.Name, pattern) || EF.Functions.ILike(a.Slug, pattern) || EF.Functions.ILike(a.Vendor ?? string.Empty, pattern));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (filter.Decision is { } decision)
        {
            query = query.Where(a => a.Decision == decision);
        }

        if (filter.OwnerAgencyId is { } owner)
        {
            query = query.Where(a => a.OwnerAgencyId == owner);
        }

        var total = await query.CountAsync(cancellationToken);
        query = (sort, descending) switch
        {
            (CatalogueSort.Owner, false) => query.OrderBy(a => a.OwnerAgencyName).ThenBy(a => a.Name),
            (CatalogueSort.Owner, true) => query.OrderByDescending(a => a.OwnerAgencyName).ThenBy(a => a.Name),
            (CatalogueSort.Status, false) => query.OrderBy(a => a.Status).ThenBy(a => a.Name),
            (CatalogueSort.Status, true) => query.OrderByDescending(a => a.Status).ThenBy(a => a.Name),
            (CatalogueSort.Cost, false) => query.OrderBy(a => a.YearlyCost).ThenBy(a => a.Name),
            (CatalogueSort.Cost, true) => query.OrderByDescending(a => a.YearlyCost).ThenBy(a => a.Name),
            (_, true) => query.OrderByDescending(a => a.Name),
            _ => query.OrderBy(a => a.Name),
        };
        return (await query.Skip(skip).Take(take).ToListAsync(cancellationToken), total);
    }

    /// <summary>An app by id (for editing); null when unknown.</summary>
    public async Task<CityApp?> GetAsync(Guid appId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Apps.AsNoTracking().SingleOrDefaultAsync(a => a.Id == appId, cancellationToken);
    }

    /// <summary>An app by slug; null when unknown.</summary>
    public async Task<CityApp?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Apps.AsNoTracking().SingleOrDefaultAsync(a => a.Slug == slug, cancellationToken);
    }

    /// <summary>The health the proxy last reported for the given apps; apps it never reported are absent.</summary>
    public async Task<IReadOnlyDictionary<Guid, AppHealthView>> HealthAsync(IEnumerable<Guid> appIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appIds);
        var ids = appIds.Distinct().ToArray();
        if (ids.Length == 0)
        {
            return new Dictionary<Guid, AppHealthView>();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Health.AsNoTracking().Where(h => ids.Contains(h.AppId))
            .ToDictionaryAsync(h => h.AppId, h => new AppHealthView(h.Health, h.ChangedAt, h.CheckedAt), cancellationToken);
    }

    /// <summary>How many apps still behind the proxy (proxied or retiring) the proxy last saw unhealthy.</summary>
    public async Task<int> UnhealthyCountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Health.AsNoTracking()
            .Where(h => h.Health == AppHealth.Unhealthy)
            .CountAsync(h => db.Apps.Any(a => a.Id == h.AppId && (a.Status == AppStatus.Proxied || a.Status == AppStatus.Retiring)), cancellationToken);
    }
}
