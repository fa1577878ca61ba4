using Microsoft.EntityFrameworkCore;
using Npgsql;
using Superapps.Datasets.Data;
using Superapps.Datasets.Domain;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Datasets.Features.DataList;

/// <summary>
/// The walidata's commands on the data list: create and edit an entry, deactivate and activate it. Every refusal is a bilingual
/// <see cref="DomainRuleException"/> tagged with its field, and nothing is saved then; every change is audited. Changing the columns
/// after uploads is allowed: versions keep the columns they were uploaded with.
/// </summary>
public sealed class DataListDesk(IDbContextFactory<DatasetsDbContext> contexts, IOrganizationDirectory directory, IAuditTrail audit, TimeProvider clock)
{
    public async Task<Dataset> CreateAsync(DatasetDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var (schema, schedule, firstPeriod) = draft.Check(await AgencyIdsAsync(cancellationToken));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var code = draft.Code.Trim();
        if (await db.Datasets.AnyAsync(d => d.Code == code, cancellationToken))
        {
            throw new DomainRuleException(DataListErrors.CodeTaken(code));
        }

        var now = clock.GetUtcNow();
        var dataset = Dataset.Create(code, draft.Title, draft.Description, draft.ProducerAgencyId, schema, schedule, firstPeriod, now);
        dataset.Describe(draft.Keywords, draft.License, now);
        db.Datasets.Add(dataset);
        await SaveAsync(db, code, cancellationToken);
        await audit.RecordAsync(new AuditEvent(DatasetsDbContext.Schema, "dataset.created", nameof(Dataset), dataset.Id.ToString(),
            $"Dataset {dataset.Code} dibuat: {dataset.Title}", new { dataset.Code, dataset.ProducerAgencyId, Columns = dataset.Columns.Count, dataset.Frequency }), cancellationToken);
        return dataset;
    }

    /// <summary>Edits an entry. Its code and first period stay as they are (links and the history depend on them).</summary>
    public async Task<Dataset> UpdateAsync(Guid datasetId, DatasetDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.SingleOrDefaultAsync(d => d.Id == datasetId, cancellationToken) ?? throw new DomainRuleException(DataListErrors.NotFound);
        var period = ReportingPeriod.TryParse(draft.Frequency, draft.FirstPeriod, out var parsed) ? parsed.Key
            : Enum.IsDefined(draft.Frequency) ? ReportingPeriod.Containing(draft.Frequency, dataset.Since.Start).Key : dataset.FirstPeriod;
        var (schema, schedule, _) = (draft with { Code = dataset.Code, FirstPeriod = period }).Check(await AgencyIdsAsync(cancellationToken));
        var now = clock.GetUtcNow();
        dataset.Update(draft.Title, draft.Description, draft.ProducerAgencyId, schema, schedule, now);
        dataset.Describe(draft.Keywords, draft.License, now);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent(DatasetsDbContext.Schema, "dataset.updated", nameof(Dataset), dataset.Id.ToString(),
            $"Dataset {dataset.Code} diubah: {dataset.Title}", new { dataset.Code, dataset.ProducerAgencyId, Columns = dataset.Columns.Count, dataset.Frequency }), cancellationToken);
        return dataset;
    }

    /// <summary>Deactivates (no longer due; it stays public with its history) or activates an entry. Setting the state it has changes nothing.</summary>
    public async Task SetActiveAsync(Guid datasetId, bool active, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.SingleOrDefaultAsync(d => d.Id == datasetId, cancellationToken) ?? throw new DomainRuleException(DataListErrors.NotFound);
        if (dataset.IsActive == active)
        {
            return;
        }

        if (active)
        {
            dataset.Activate(clock.GetUtcNow());
        }
        else
        {
            dataset.Deactivate(clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent(DatasetsDbContext.Schema, active ? "dataset.activated" : "dataset.deactivated", nameof(Dataset), dataset.Id.ToString(),
            active ? $"Dataset {dataset.Code} diaktifkan kembali" : $"Dataset {dataset.Code} dinonaktifkan", new { dataset.Code }), cancellationToken);
    }

    internal async Task<IReadOnlySet<Guid>> AgencyIdsAsync(CancellationToken cancellationToken) =>
        (await directory.ListAgenciesAsync(cancellationToken)).Select(a => a.AgencyId).ToHashSet();

    /// <summary>Saves; a code taken by someone else at the same moment (the unique index) is the same refusal as one taken before.</summary>
    internal static async Task SaveAsync(DatasetsDbContext db, string code, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new DomainRuleException(DataListErrors.CodeTaken(code));
        }
    }
}
