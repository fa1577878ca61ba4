namespace Superapps.Datasets.Domain;

public enum VersionStatus
{
    /// <summary>Diajukan: uploaded and valid, waiting for the walidata.</summary>
    Submitted,

    /// <summary>Dikembalikan: returned to the OPD with coded reasons.</summary>
    Returned,

    /// <summary>Disetujui: approved and published.</summary>
    Approved,
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

    public static DatasetVersion Submit(Guid datasetId, ReportingPeriod period, int number, string fileName, long fileBytes, int rowCount,
        Guid uploadedById, string uploadedByName, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            DatasetId = datasetId,
            Period = period.Key,
            Number = number,
            Status = VersionStatus.Submitted,
            FileName = Path.GetFileName(fileName),
            FileBytes = fileBytes,
            RowCount = rowCount,
            UploadedById = uploadedById,
            UploadedByName = uploadedByName,
            UploadedAt = now,
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
