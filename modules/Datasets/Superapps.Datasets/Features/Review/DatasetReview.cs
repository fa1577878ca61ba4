using Microsoft.EntityFrameworkCore;
using Superapps.Datasets.Data;
using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.Access;
using Superapps.SharedKernel;

namespace Superapps.Datasets.Features.Review;

/// <summary>
/// The walidata's review of an upload: approve (and so publish) or return it with coded reasons. Each decision is one transaction
/// that locks the version row (<c>SELECT … FOR UPDATE</c>), so of two reviewers acting at once one decides and the other is told
/// that the version no longer awaits review. Audited (<c>version.approved</c>, <c>version.returned</c>); the uploader is told.
/// </summary>
public sealed class DatasetReview(IDbContextFactory<DatasetsDbContext> contexts, IAuditTrail audit, ReviewNotices notices, TimeProvider clock)
{
    /// <summary>Approves a submitted version, with an optional note.</summary>
    public Task ApproveAsync(Guid versionId, string? note, DataUser reviewer, CancellationToken cancellationToken = default) =>
        ReviewAsync(versionId, reviewer, (version, now) => version.Approve(reviewer.EmployeeId, reviewer.Name, note, now), cancellationToken);

    /// <summary>Returns a submitted version to its OPD with at least one reason; <see cref="ReturnReason.Other"/> needs a note.</summary>
    public Task ReturnAsync(Guid versionId, IReadOnlyCollection<ReturnReason> reasons, string? note, DataUser reviewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        return ReviewAsync(versionId, reviewer, (version, now) => version.Return(reasons, reviewer.EmployeeId, reviewer.Name, note, now), cancellationToken);
    }

    private async Task ReviewAsync(Guid versionId, DataUser reviewer, Action<DatasetVersion, DateTimeOffset> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        if (!reviewer.IsCustodian)
        {
            throw new DomainRuleException(ReviewErrors.NotCustodian);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A second reviewer waits here until the first commits, then reads the version as the first left it.
        var version = await db.Versions.FromSql($"SELECT * FROM datasets.versions WHERE id = {versionId} FOR UPDATE")
            .FirstOrDefaultAsync(cancellationToken) ?? throw new DomainRuleException(ReviewErrors.VersionNotFound);
        var dataset = await db.Datasets.AsNoTracking().SingleAsync(d => d.Id == version.DatasetId, cancellationToken);
        decide(version, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var approved = version.Status == VersionStatus.Approved;
        var reasons = version.ReturnReasons.Select(r => r.Code()).ToArray();
        await audit.RecordAsync(new AuditEvent(DatasetsDbContext.Schema, approved ? "version.approved" : "version.returned", nameof(DatasetVersion),
            version.Id.ToString(),
            approved
                ? $"{dataset.Code} {version.Period}: versi {version.Number} disetujui oleh {reviewer.Name}"
                : $"{dataset.Code} {version.Period}: versi {version.Number} dikembalikan oleh {reviewer.Name} ({string.Join(", ", reasons)})",
            new { version.DatasetId, version.Period, version.Number, reasons, note = version.ReviewNote, reviewer = reviewer.EmployeeId }), cancellationToken);
        await notices.ReviewedAsync(dataset, version, cancellationToken);
    }
}
