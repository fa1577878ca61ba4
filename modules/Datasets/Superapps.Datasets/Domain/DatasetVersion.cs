using Superapps.SharedKernel;

namespace Superapps.Datasets.Domain;

public enum VersionStatus
{
    /// <summary>Diajukan: uploaded and valid, waiting for the walidata.</summary>
    Submitted,

    /// <summary>Dikembalikan: returned to the OPD with coded reasons.</summary>
    Returned,

    /// <summary>Disetujui: approved and published.</summary>
    Approved,

    /// <summary>Diganti: a newer upload for the same period replaced it before it was reviewed.</summary>
    Superseded,
}

/// <summary>One valid upload of a dataset for a period: its rows are in <see cref="DatasetRow"/>. Nothing is published before approval.</summary>
public sealed class DatasetVersion
{
    private DatasetVersion()
    {
    }

    public Guid Id { get; private set; }

    public Guid DatasetId { get; private set; }

    /// <summary>The period's key (<see cref="ReportingPeriod.Key"/>).</summary>
    public string Period { get; private set; } = string.Empty;

    /// <summary>1, 2, … per dataset, in upload order.</summary>
    public int Number { get; private set; }

    public VersionStatus Status { get; private set; }

    public string FileName { get; private set; } = string.Empty;

    public long FileBytes { get; private set; }

    public int RowCount { get; private set; }

    public Guid UploadedById { get; private set; }

    public string UploadedByName { get; private set; } = string.Empty;

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>The dataset's columns when the file was uploaded: the rows are in this order, whatever the data list says later.</summary>
    public List<DatasetColumn> Columns { get; private set; } = [];

    public Guid? ReviewedById { get; private set; }

    public string? ReviewedByName { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>The coded reasons of a return (<see cref="ReturnReasons.Code"/>); empty otherwise.</summary>
    public List<ReturnReason> ReturnReasons { get; private set; } = [];

    /// <summary>The walidata's note: required with <see cref="ReturnReason.Other"/>, optional otherwise (also on approval).</summary>
    public string? ReviewNote { get; private set; }

    public DatasetSchema Schema => DatasetSchema.Create(Columns);

    /// <summary>Approves and so publishes the version. Only a submitted version is reviewed, and not by the person who uploaded it.</summary>
    public void Approve(Guid reviewerId, string reviewerName, string? note, DateTimeOffset now)
    {
        EnsureReviewable(reviewerId);
        if (note?.Trim().Length > MaxNoteLength)
        {
            throw new DomainRuleException(DatasetErrors.ReviewNoteTooLong(MaxNoteLength));
        }

        Status = VersionStatus.Approved;
        Review(reviewerId, reviewerName, note, now);
    }

    /// <summary>Returns the version to its OPD with at least one coded reason; <see cref="ReturnReason.Other"/> needs a note.</summary>
    public void Return(IReadOnlyCollection<ReturnReason> reasons, Guid reviewerId, string reviewerName, string? note, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        EnsureReviewable(reviewerId);
        var errors = new List<UserError>();
        if (reasons.Count == 0)
        {
            errors.Add(DatasetErrors.NoReturnReason);
        }

        if (reasons.Contains(ReturnReason.Other) && string.IsNullOrWhiteSpace(note))
        {
            errors.Add(DatasetErrors.ReturnNoteRequired);
        }

        if (note?.Trim().Length > MaxNoteLength)
        {
            errors.Add(DatasetErrors.ReviewNoteTooLong(MaxNoteLength));
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        Status = VersionStatus.Returned;
        ReturnReasons = [.. reasons.Distinct().Order()];
        Review(reviewerId, reviewerName, note, now);
    }

    /// <summary>A newer upload of the same period replaced this one before review.</summary>
    public void Supersede()
    {
        if (Status == VersionStatus.Submitted)
        {
            Status = VersionStatus.Superseded;
        }
    }

    public const int MaxNoteLength = 2000;

    private void EnsureReviewable(Guid reviewerId)
    {
        if (Status != VersionStatus.Submitted)
        {
            throw new DomainRuleException(DatasetErrors.NotAwaitingReview);
        }

        if (reviewerId == UploadedById)
        {
            throw new DomainRuleException(DatasetErrors.OwnUpload);
        }
    }

    private void Review(Guid reviewerId, string reviewerName, string? note, DateTimeOffset now)
    {
        ReviewedById = reviewerId;
        ReviewedByName = reviewerName;
        ReviewedAt = now;
        ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public static DatasetVersion Submit(Guid datasetId, ReportingPeriod period, int number, string fileName, long fileBytes, int rowCount,
        Guid uploadedById, string uploadedByName, DatasetSchema schema, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            DatasetId = datasetId,
            Period = period.Key,
            Number = number,
            Status = VersionStatus.Submitted,
            // A browser on Windows may send the whole path; only the name is kept, whichever separator the path used.
            FileName = fileName[(fileName.LastIndexOfAny(['/', '\\']) + 1)..],
            FileBytes = fileBytes,
            RowCount = rowCount,
            UploadedById = uploadedById,
            UploadedByName = uploadedByName,
            UploadedAt = now,
            Columns = [.. schema.Columns],
        };
}

/// <summary>One row of a version, its values in schema order as the validator stored them (invariant text, null for empty).</summary>
public sealed class DatasetRow
{
    public Guid VersionId { get; set; }

    /// <summary>The row as the file numbered it (the header is row 1).</summary>
    public int RowNumber { get; set; }

    public string?[] Values { get; set; } = [];
}
