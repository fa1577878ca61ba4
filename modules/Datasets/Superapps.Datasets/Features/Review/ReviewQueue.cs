using Microsoft.EntityFrameworkCore;
using Superapps.Datasets.Data;
using Superapps.Datasets.Domain;
using Superapps.Organization.Contracts;

namespace Superapps.Datasets.Features.Review;

/// <summary>One upload waiting for the walidata.</summary>
public sealed record QueueItem(Guid VersionId, string DatasetCode, string DatasetTitle, string AgencyName, int Number, string Period, string PeriodLabel,
    int RowCount, string UploadedByName, DateTimeOffset UploadedAt)
{
    public string Link => ReviewNotices.Link(DatasetCode, Number);
}

/// <summary>A page of the queue and how many wait in all.</summary>
public sealed record QueuePage(IReadOnlyList<QueueItem> Items, int Total);

/// <summary>
/// The review queue (<c>/data/tinjau</c>): the versions waiting for review, oldest upload first, paged in the database. Each call
/// reads through a context of its own, so a page's count and its table may load at once.
/// </summary>
public sealed class ReviewQueue(IDbContextFactory<DatasetsDbContext> contexts, IOrganizationDirectory directory)
{
    public const int MaxPageSize = 100;

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Versions.CountAsync(v => v.Status == VersionStatus.Submitted, cancellationToken);
    }

    public async Task<QueuePage> ListAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(page, 0);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var waiting = from v in db.Versions.AsNoTracking()
                      join d in db.Datasets.AsNoTracking() on v.DatasetId equals d.Id
                      where v.Status == VersionStatus.Submitted
                      select new { v.Id, d.Code, d.Title, d.ProducerAgencyId, d.Frequency, v.Number, v.Period, v.RowCount, v.UploadedByName, v.UploadedAt };
        var total = await waiting.CountAsync(cancellationToken);
        var rows = await waiting.OrderBy(x => x.UploadedAt).ThenBy(x => x.Id).Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var agencies = (await directory.ListAgenciesAsync(cancellationToken)).ToDictionary(a => a.AgencyId, a => a.Name);
        return new QueuePage([.. rows.Select(r => new QueueItem(r.Id, r.Code, r.Title, agencies.GetValueOrDefault(r.ProducerAgencyId, "-"), r.Number, r.Period,
            ReportingPeriod.TryParse(r.Frequency, r.Period, out var period) ? period.Label : r.Period, r.RowCount, r.UploadedByName, r.UploadedAt))], total);
    }
}
