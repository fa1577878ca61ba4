using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Superapps.Datasets.Data;
using Superapps.Datasets.Domain;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Datasets.Features.OpenData;

/// <summary>A producing OPD as the open-data site shows it (a CKAN organization): its slug is the lowercase agency code.</summary>
public sealed record PublicOrganization(Guid Id, string Name, string Title, string? Description);

/// <summary>One approved version as published: the latest approved upload of its period.</summary>
public sealed record PublishedVersion(Guid Id, string Period, int Number, DateTimeOffset ApprovedAt, int RowCount, long FileBytes,
    IReadOnlyList<DatasetColumn> Columns)
{
    /// <summary>"November 2026", "Triwulan III 2026"… in the current language.</summary>
    public string PeriodLabel => OpenDataNames.PeriodLabel(Period);
}

/// <summary>
/// A public dataset: the data list's entry and its current data, the approved version of its latest period.
/// <see cref="Freshness"/> is null for a dataset no longer required (inactive), which stays public with its history.
/// </summary>
public sealed record PublicDataset(Guid Id, string Code, string Title, string? Description, PublicOrganization Organization, UpdateFrequency Frequency,
    IReadOnlyList<string> Keywords, string License, bool IsActive, DateTimeOffset CreatedAt, DateTimeOffset MetadataModified,
    PublishedVersion Current, Freshness? Freshness);

/// <summary>A public dataset with every published period, newest first.</summary>
public sealed record PublicDatasetDetail(PublicDataset Dataset, IReadOnlyList<PublishedVersion> Versions);

/// <summary>A search of the open-data site: words over title, description and keywords, an OPD, a page.</summary>
public sealed record PublicSearch(string? Text = null, Guid? AgencyId = null, int Skip = 0, int Take = 20);

public sealed record PublicSearchResult(int Total, IReadOnlyList<PublicDataset> Items);

/// <summary>
/// What the public sees, for the pages, the downloads, the CKAN API and the DCAT catalogue alike. Only approved versions are
/// public: for each period the approved version with the highest number. A dataset is public once one of its versions is
/// approved; nothing submitted, returned or superseded is ever read here. Each call opens its own context (Blazor circuits).
/// </summary>
public sealed class PublicCatalog(IDbContextFactory<DatasetsDbContext> contexts, IOrganizationDirectory directory, TimeProvider clock)
{
    public const int PreviewRows = 100;

    public async Task<PublicSearchResult> SearchAsync(PublicSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Published(db);
        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var pattern = LikePattern.Contains(search.Text);
            query = query.Where(d => EF.Functions.ILike(d.Title, pattern) || (d.Description != null && EF.Functions.ILike(d.Description, pattern))
                || d.Keywords.Any(k => EF.Functions.ILike(k, pattern)));
        }

        if (search.AgencyId is { } agency)
        {
            query = query.Where(d => d.ProducerAgencyId == agency);
        }

        var total = await query.CountAsync(cancellationToken);
        var page = await query
            .Select(d => new { Dataset = d, LastApproval = db.Versions.Where(v => v.DatasetId == d.Id && v.Status == VersionStatus.Approved).Max(v => v.ReviewedAt) })
            .OrderByDescending(x => x.LastApproval).ThenBy(x => x.Dataset.Title)
            .Skip(Math.Max(0, search.Skip)).Take(Math.Clamp(search.Take, 0, 1000))
            .Select(x => x.Dataset)
            .AsNoTracking().ToListAsync(cancellationToken);
        return new PublicSearchResult(total, await DescribeAsync(db, page, cancellationToken));
    }

    /// <summary>Every public dataset, newest data first (the catalogue and <c>package_list</c>).</summary>
    public async Task<IReadOnlyList<PublicDataset>> ListAsync(CancellationToken cancellationToken = default) =>
        (await SearchAsync(new PublicSearch(Take: 1000), cancellationToken)).Items;

    /// <summary>The public dataset with this code (or id), with its published periods; null when unknown or not yet published.</summary>
    public async Task<PublicDatasetDetail?> FindAsync(string codeOrId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(codeOrId))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var code = codeOrId.Trim();
        var query = Published(db).AsNoTracking();
        var dataset = Guid.TryParse(code, out var id)
            ? await query.FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
            : await query.FirstOrDefaultAsync(d => d.Code == code, cancellationToken);
        if (dataset is null)
        {
            return null;
        }

        var described = (await DescribeAsync(db, [dataset], cancellationToken)).Single();
        var versions = await ApprovedPerPeriod(db, dataset.Id).ToListAsync(cancellationToken);
        return new PublicDatasetDetail(described, [.. versions.Select(ToPublished).OrderByDescending(v => v.Period, PeriodKeyComparer.Instance)]);
    }

    /// <summary>The version published for <paramref name="period"/>, or the current one when none is asked; null when none is approved.</summary>
    public static PublishedVersion? Pick(PublicDatasetDetail detail, string? period)
    {
        ArgumentNullException.ThrowIfNull(detail);
        return string.IsNullOrWhiteSpace(period)
            ? detail.Dataset.Current
            : detail.Versions.FirstOrDefault(v => string.Equals(v.Period, period.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A page of a published version's rows, in file order (values in the version's column order).</summary>
    public async Task<IReadOnlyList<string?[]>> RowsAsync(Guid versionId, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Rows.AsNoTracking()
            .Where(r => r.VersionId == versionId && db.Versions.Any(v => v.Id == versionId && v.Status == VersionStatus.Approved))
            .OrderBy(r => r.RowNumber).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 0, PreviewRows))
            .Select(r => r.Values).ToListAsync(cancellationToken);
    }

    /// <summary>Every row of a published version, streamed from PostgreSQL as it is read (downloads).</summary>
    public async IAsyncEnumerable<string?[]> StreamRowsAsync(Guid versionId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.Rows.AsNoTracking()
            .Where(r => r.VersionId == versionId && db.Versions.Any(v => v.Id == versionId && v.Status == VersionStatus.Approved))
            .OrderBy(r => r.RowNumber).Select(r => r.Values).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>The producing OPDs of public datasets, by name.</summary>
    public async Task<IReadOnlyList<(PublicOrganization Organization, int PackageCount)>> OrganizationsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await Published(db).GroupBy(d => d.ProducerAgencyId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var result = new List<(PublicOrganization, int)>();
        foreach (var count in counts)
        {
            result.Add((await OrganizationAsync(count.Key, cancellationToken), count.Count));
        }

        return [.. result.OrderBy(r => r.Item1.Name, StringComparer.Ordinal)];
    }

    /// <summary>A producing OPD of public datasets by its slug or id; null when unknown or producing nothing public.</summary>
    public async Task<(PublicOrganization Organization, int PackageCount)?> FindOrganizationAsync(string nameOrId, CancellationToken cancellationToken = default)
    {
        var key = nameOrId?.Trim() ?? string.Empty;
        var match = (await OrganizationsAsync(cancellationToken))
            .Where(o => string.Equals(o.Organization.Name, key, StringComparison.OrdinalIgnoreCase) || string.Equals(o.Organization.Id.ToString(), key, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return match.Count == 0 ? null : match[0];
    }

    private static IQueryable<Dataset> Published(DatasetsDbContext db) =>
        db.Datasets.Where(d => db.Versions.Any(v => v.DatasetId == d.Id && v.Status == VersionStatus.Approved));

    /// <summary>For each period, the approved version with the highest number.</summary>
    private static IQueryable<DatasetVersion> ApprovedPerPeriod(DatasetsDbContext db, Guid datasetId) =>
        db.Versions.AsNoTracking().Where(v => v.DatasetId == datasetId && v.Status == VersionStatus.Approved
            && !db.Versions.Any(later => later.DatasetId == v.DatasetId && later.Period == v.Period && later.Status == VersionStatus.Approved && later.Number > v.Number));

    private async Task<IReadOnlyList<PublicDataset>> DescribeAsync(DatasetsDbContext db, List<Dataset> datasets, CancellationToken cancellationToken)
    {
        if (datasets.Count == 0)
        {
            return [];
        }

        var ids = datasets.Select(d => d.Id).ToList();
        var approved = await db.Versions.AsNoTracking()
            .Where(v => ids.Contains(v.DatasetId) && v.Status == VersionStatus.Approved
                && !db.Versions.Any(later => later.DatasetId == v.DatasetId && later.Period == v.Period && later.Status == VersionStatus.Approved && later.Number > v.Number))
            .ToListAsync(cancellationToken);
        var today = Wib.Today(clock);
        var organizations = new Dictionary<Guid, PublicOrganization>();
        var result = new List<PublicDataset>(datasets.Count);
        foreach (var dataset in datasets)
        {
            var current = approved.Where(v => v.DatasetId == dataset.Id).OrderByDescending(v => v.Period, PeriodKeyComparer.Instance).First();
            if (!organizations.TryGetValue(dataset.ProducerAgencyId, out var organization))
            {
                organization = organizations[dataset.ProducerAgencyId] = await OrganizationAsync(dataset.ProducerAgencyId, cancellationToken);
            }

            Freshness? freshness = null;
            if (dataset.IsActive)
            {
                ReportingPeriod? latest = ReportingPeriod.TryParse(dataset.Frequency, current.Period, out var period) ? period : null;
                freshness = dataset.Schedule.FreshnessOn(today, latest, dataset.Since);
            }

            var published = ToPublished(current);
            result.Add(new PublicDataset(dataset.Id, dataset.Code, dataset.Title, dataset.Description, organization, dataset.Frequency, dataset.Keywords,
                dataset.License, dataset.IsActive, dataset.CreatedAt, dataset.UpdatedAt > published.ApprovedAt ? dataset.UpdatedAt : published.ApprovedAt,
                published, freshness));
        }

        return result;
    }

    private async Task<PublicOrganization> OrganizationAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        var agency = await directory.GetAgencyAsync(agencyId, cancellationToken);
        return agency is null
            ? new PublicOrganization(agencyId, agencyId.ToString(), T("OPD tidak dikenal", "Unknown agency"), null)
            : new PublicOrganization(agencyId, OpenDataNames.Slug(agency.Code), agency.Name, agency.ShortName == agency.Name ? null : agency.ShortName);
    }

    private static string T(string indonesian, string english) => Bilingual.T(indonesian, english);

    private static PublishedVersion ToPublished(DatasetVersion v) =>
        new(v.Id, v.Period, v.Number, v.ReviewedAt ?? v.UploadedAt, v.RowCount, v.FileBytes, v.Columns);
}
