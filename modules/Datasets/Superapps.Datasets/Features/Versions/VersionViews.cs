using Microsoft.EntityFrameworkCore;
using Superapps.Datasets.Data;
using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.Access;
using Superapps.Datasets.Features.Review;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Datasets.Features.Versions;

/// <summary>Another version of the same dataset, for choosing what to compare with.</summary>
public sealed record VersionOption(Guid Id, int Number, string Period, VersionStatus Status);

/// <summary>A version as its page shows it: the upload, its columns, the review, and what the viewer may do.</summary>
public sealed record VersionView(
    Guid Id,
    Guid DatasetId,
    string DatasetCode,
    string DatasetTitle,
    string AgencyName,
    int Number,
    string Period,
    string PeriodLabel,
    VersionStatus Status,
    string FileName,
    long FileBytes,
    int RowCount,
    string UploadedByName,
    DateTimeOffset UploadedAt,
    IReadOnlyList<DatasetColumn> Columns,
    string? ReviewedByName,
    DateTimeOffset? ReviewedAt,
    IReadOnlyList<ReturnReason> ReturnReasons,
    string? ReviewNote,
    bool CanReview,
    IReadOnlyList<VersionOption> Others)
{
    /// <summary>What the difference is shown against by default: the latest approved version before this one, else the one just before.</summary>
    public VersionOption? DefaultBaseline =>
        Others.Where(o => o.Number < Number && o.Status == VersionStatus.Approved).MaxBy(o => o.Number)
        ?? Others.Where(o => o.Number < Number).MaxBy(o => o.Number);
}

/// <summary>A page of a version's rows, in file order, values in the version's column order.</summary>
public sealed record RowsPage(IReadOnlyList<DatasetRow> Rows, int Total);

/// <summary>
/// Reads of the version page. The walidata read every version; an OPD's data operators the versions of the datasets their OPD
/// produces; anyone else is told, as for a version that does not exist, that it was not found. Each call opens its own context.
/// </summary>
public sealed class VersionViews(IDbContextFactory<DatasetsDbContext> contexts, IOrganizationDirectory directory)
{
    public const int PageSize = 50;

    /// <summary>The version <paramref name="number"/> of the dataset <paramref name="code"/>; throws <see cref="ReviewErrors.VersionNotFound"/> when it is missing or not the viewer's.</summary>
    public async Task<VersionView> OpenAsync(DataUser viewer, string code, int number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, cancellationToken);
        if (dataset is null || !MayRead(viewer, dataset.ProducerAgencyId))
        {
            throw new DomainRuleException(ReviewErrors.VersionNotFound);
        }

        var version = await db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.DatasetId == dataset.Id && v.Number == number, cancellationToken)
            ?? throw new DomainRuleException(ReviewErrors.VersionNotFound);
        var others = await db.Versions.AsNoTracking().Where(v => v.DatasetId == dataset.Id && v.Id != version.Id).OrderByDescending(v => v.Number)
            .Select(v => new VersionOption(v.Id, v.Number, v.Period, v.Status)).ToListAsync(cancellationToken);
        var agency = await directory.GetAgencyAsync(dataset.ProducerAgencyId, cancellationToken);
        var period = ReportingPeriod.TryParse(dataset.Frequency, version.Period, out var p) ? p.Label : version.Period;
        return new VersionView(version.Id, dataset.Id, dataset.Code, dataset.Title, agency?.Name ?? "-", version.Number, version.Period, period, version.Status,
            version.FileName, version.FileBytes, version.RowCount, version.UploadedByName, version.UploadedAt, version.Columns, version.ReviewedByName,
            version.ReviewedAt, version.ReturnReasons, version.ReviewNote,
            viewer.IsCustodian && version.Status == VersionStatus.Submitted && version.UploadedById != viewer.EmployeeId, others);
    }

    /// <summary>One page of a version's rows (<see cref="PageSize"/> a page), read in the database: a version is never loaded whole.</summary>
    public async Task<RowsPage> RowsAsync(DataUser viewer, Guid versionId, int page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owner = await (from v in db.Versions
                           join d in db.Datasets on v.DatasetId equals d.Id
                           where v.Id == versionId
                           select new { d.ProducerAgencyId, v.RowCount }).FirstOrDefaultAsync(cancellationToken);
        if (owner is null || !MayRead(viewer, owner.ProducerAgencyId))
        {
            throw new DomainRuleException(ReviewErrors.VersionNotFound);
        }

        var rows = await db.Rows.AsNoTracking().Where(r => r.VersionId == versionId).OrderBy(r => r.RowNumber)
            .Skip(Math.Max(page, 0) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new RowsPage(rows, owner.RowCount);
    }

    /// <summary>The walidata read every version; a data operator those of their own OPD's datasets.</summary>
    public static bool MayRead(DataUser viewer, Guid producerAgencyId) =>
        viewer.IsCustodian || (viewer.IsOperator && viewer.AgencyId == producerAgencyId);
}
