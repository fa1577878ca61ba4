using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Superapps.Datasets.Data;
using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.Review;
using Superapps.Datasets.Features.DataList;
using Superapps.Datasets.Features.Validation;
using Superapps.SharedKernel;
using Superapps.Tabular;

namespace Superapps.Datasets.Features.Uploads;

/// <summary>Who uploads: an OPD's data operator.</summary>
public sealed record Uploader(Guid EmployeeId, string Name, Guid AgencyId);

/// <summary>An upload's outcome: the new version when the file was valid, and what the validation found either way.</summary>
public sealed record UploadResult(ValidationReport Report, Guid? VersionId);

public static class UploadErrors
{
    public static readonly UserError UnknownDataset = new("datasets.upload.dataset",
        "Dataset tidak ditemukan.", "The dataset was not found.");

    public static readonly UserError NotProducer = new("datasets.upload.producer",
        "Hanya OPD produsen dataset ini yang dapat mengunggah datanya.", "Only the OPD that produces this dataset can upload its data.");

    public static readonly UserError Period = new("datasets.upload.period",
        "Periode tidak sesuai dengan jadwal pemutakhiran dataset ini.", "The period does not fit this dataset's update schedule.", "period");
}

/// <summary>
/// Takes an upload in one transaction: the file is validated while it streams and every valid row is written by binary COPY
/// as it is read. A file with any error is rolled back whole, so nothing of it is kept; a valid one becomes a new submitted
/// version, which is not public before the walidata approves it.
/// </summary>
public sealed class DatasetUploads(IDbContextFactory<DatasetsDbContext> contexts, IAuditTrail audit, ReviewNotices notices, TimeProvider clock)
{
    public async Task<UploadResult> UploadAsync(Guid datasetId, string period, Stream file, string fileName, Uploader uploader,
        ValidationLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(uploader);
        var format = TabularReader.FormatOf(fileName);
        // The size kept with the version is what was read, whether or not the stream knows its length (a browser's does not).
        var counted = file as CountingStream ?? new CountingStream(file);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The dataset row is locked so two uploads of one dataset number their versions one after the other.
        var dataset = await db.Datasets.FromSql($"SELECT * FROM datasets.datasets WHERE id = {datasetId} FOR UPDATE")
            .FirstOrDefaultAsync(cancellationToken) ?? throw new DomainRuleException(UploadErrors.UnknownDataset);
        if (dataset.ProducerAgencyId != uploader.AgencyId)
        {
            throw new DomainRuleException(UploadErrors.NotProducer);
        }

        // A period of the schedule, from the first one required up to the one being collected now: not a period still running.
        if (!ReportingPeriod.TryParse(dataset.Frequency, period, out var reportingPeriod) || reportingPeriod < dataset.Since
            || reportingPeriod > DataListQueries.NextPeriod(dataset.Schedule, dataset.Since, Wib.Today(clock)))
        {
            throw new DomainRuleException(UploadErrors.Period);
        }

        var now = clock.GetUtcNow();
        var number = (await db.Versions.Where(v => v.DatasetId == datasetId).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0) + 1;
        var version = DatasetVersion.Submit(datasetId, reportingPeriod, number, fileName, file.CanSeek ? file.Length : 0, 0, uploader.EmployeeId, uploader.Name,
            dataset.Schema, now);
        db.Versions.Add(version);

        // A newer upload for the same period replaces one still waiting for review, so the walidata reviews only the latest.
        // The rows are locked: a review deciding one of them meanwhile is waited for, and a version it decided is then left alone.
        var waiting = await db.Versions.FromSql($"""
                SELECT * FROM datasets.versions WHERE dataset_id = {datasetId} AND period = {reportingPeriod.Key} AND status = 'Submitted' FOR UPDATE
                """).ToListAsync(cancellationToken);
        foreach (var earlier in waiting)
        {
            earlier.Supersede();
        }

        await db.SaveChangesAsync(cancellationToken);

        ValidationReport report;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY datasets.rows (version_id, row_number, \"values\") FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            report = await UploadValidator.ValidateAsync(counted, format, dataset.Schema, new CopySink(importer, version.Id), limits, cancellationToken);
            if (report.IsValid)
            {
                await importer.CompleteAsync(cancellationToken);
            }
        }

        if (!report.IsValid)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new UploadResult(report, null);
        }

        await db.Versions.Where(v => v.Id == version.Id).ExecuteUpdateAsync(s => s.SetProperty(v => v.RowCount, report.Rows).SetProperty(v => v.FileBytes, counted.BytesRead), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent(DatasetsDbContext.Schema, "version.submitted", nameof(DatasetVersion), version.Id.ToString(),
            $"{dataset.Code} {reportingPeriod.Key}: versi {number}, {report.Rows} baris", new { datasetId, Period = reportingPeriod.Key, report.Rows }),
            cancellationToken);
        await notices.SubmittedAsync(dataset, version, report.Rows, cancellationToken);
        return new UploadResult(report, version.Id);
    }

    private sealed class CopySink(NpgsqlBinaryImporter importer, Guid versionId) : IValidRowSink
    {
        public async ValueTask AddAsync(int row, IReadOnlyList<string?> values, CancellationToken cancellationToken)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(versionId, NpgsqlDbType.Uuid, cancellationToken);
            await importer.WriteAsync(row, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(values.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        }
    }
}
