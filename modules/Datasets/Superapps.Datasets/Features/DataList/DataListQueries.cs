using Microsoft.EntityFrameworkCore;
using Superapps.Datasets.Data;
using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.Access;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Datasets.Features.DataList;

/// <summary>The data list's filters: text in the title or code, the producing OPD, the frequency, active or not (null: any).</summary>
public sealed record DataListFilter(string? Text = null, Guid? ProducerAgencyId = null, UpdateFrequency? Frequency = null, bool? Active = true);

/// <summary>One row of the data list, with the period due next, its due date and the latest version's status (null: nothing uploaded).</summary>
public sealed record DataListRow(Guid Id, string Code, string Title, Guid ProducerAgencyId, string ProducerName, UpdateFrequency Frequency, int DueDay,
    bool IsActive, ReportingPeriod NextPeriod, DateOnly NextDueOn, VersionStatus? LatestStatus);

/// <summary>A version as the dataset's page lists it.</summary>
public sealed record VersionRow(int Number, ReportingPeriod Period, VersionStatus Status, string UploadedByName, DateTimeOffset UploadedAt, int RowCount,
    string FileName);

/// <summary>A dataset's internal page: the entry, its producer, its schedule today and its versions (newest first).</summary>
public sealed record DatasetDetail(Dataset Dataset, string ProducerName, ReportingPeriod NextPeriod, DateOnly NextDueOn, ReportingPeriod? LatestApproved,
    Freshness Freshness, IReadOnlyList<VersionRow> Versions, bool CanUpload, bool CanEdit);

/// <summary>What the upload page offers: the dataset, the periods one may upload for (oldest first) and the one chosen at first.</summary>
public sealed record UploadTarget(Guid DatasetId, string Code, string Title, IReadOnlyList<DatasetColumn> Columns, IReadOnlyList<ReportingPeriod> Periods,
    ReportingPeriod DefaultPeriod);

/// <summary>
/// Reads of the data list for its pages, one context per call (a Blazor circuit never runs two queries on one context). The walidata
/// sees every dataset; a data operator only those their own OPD produces.
/// </summary>
public sealed class DataListQueries(IDbContextFactory<DatasetsDbContext> contexts, IOrganizationDirectory directory, TimeProvider clock)
{
    public async Task<(IReadOnlyList<DataListRow> Rows, int Total)> ListAsync(DataUser user, DataListFilter filter, int skip, int take,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Datasets.AsNoTracking();
        if (!user.IsCustodian)
        {
            var own = user.IsOperator ? user.AgencyId ?? Guid.Empty : Guid.Empty;
            query = query.Where(d => d.ProducerAgencyId == own);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = LikePattern.Contains(filter.Text.Trim());
            query = query.Where(d => EF.Functions.ILike(d.Title, pattern) || EF.Functions.ILike(d.Code, pattern));
        }

        if (filter.ProducerAgencyId is { } producer)
        {
            query = query.Where(d => d.ProducerAgencyId == producer);
        }

        if (filter.Frequency is { } frequency)
        {
            query = query.Where(d => d.Frequency == frequency);
        }

        if (filter.Active is { } active)
        {
            query = query.Where(d => d.IsActive == active);
        }

        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderBy(d => d.Code).Skip(skip).Take(take)
            .Select(d => new
            {
                d.Id, d.Code, d.Title, d.ProducerAgencyId, d.Frequency, d.DueDay, d.FirstPeriod, d.IsActive,
                Latest = db.Versions.Where(v => v.DatasetId == d.Id).OrderByDescending(v => v.Number).Select(v => (VersionStatus?)v.Status).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var names = await AgencyNamesAsync(cancellationToken);
        var today = Wib.Today(clock);
        return ([.. page.Select(d =>
        {
            var schedule = new UpdateSchedule(d.Frequency, d.DueDay);
            var next = NextPeriod(schedule, ReportingPeriod.Parse(d.Frequency, d.FirstPeriod), today);
            return new DataListRow(d.Id, d.Code, d.Title, d.ProducerAgencyId, names.GetValueOrDefault(d.ProducerAgencyId, "—"), d.Frequency, d.DueDay, d.IsActive,
                next, schedule.DueOn(next), d.Latest);
        })], total);
    }

    /// <summary>An entry as the walidata edits it; null when unknown.</summary>
    public async Task<Dataset?> EntryAsync(Guid datasetId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Id == datasetId, cancellationToken);
    }

    /// <summary>The dataset's page for the walidata and the producing OPD's operators; null for anyone else or an unknown code.</summary>
    public async Task<DatasetDetail?> GetAsync(DataUser user, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Code == code, cancellationToken);
        if (dataset is null || !(user.IsCustodian || IsProducerOperator(user, dataset)))
        {
            return null;
        }

        var versions = await db.Versions.AsNoTracking().Where(v => v.DatasetId == dataset.Id).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.Period, v.Status, v.UploadedByName, v.UploadedAt, v.RowCount, v.FileName })
            .ToListAsync(cancellationToken);
        var rows = versions.Select(v => new VersionRow(v.Number, ReportingPeriod.Parse(dataset.Frequency, v.Period), v.Status, v.UploadedByName, v.UploadedAt,
            v.RowCount, v.FileName)).ToList();
        ReportingPeriod? latestApproved = rows.Where(v => v.Status == VersionStatus.Approved).Select(v => (ReportingPeriod?)v.Period).Max();
        var today = Wib.Today(clock);
        var next = NextPeriod(dataset.Schedule, dataset.Since, today);
        var producer = await directory.GetAgencyAsync(dataset.ProducerAgencyId, cancellationToken);
        return new DatasetDetail(dataset, producer?.Name ?? "—", next, dataset.Schedule.DueOn(next), latestApproved,
            dataset.Schedule.FreshnessOn(today, latestApproved, dataset.Since), rows, IsProducerOperator(user, dataset), user.IsCustodian);
    }

    /// <summary>
    /// The upload page's choices for the producing OPD's operators: every period from the first one up to the one being collected now, the
    /// oldest due one without an approved version chosen first. Throws for anyone else (<see cref="DataListErrors.NotProducerOperator"/>).
    /// </summary>
    public async Task<UploadTarget> UploadTargetAsync(DataUser user, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Code == code, cancellationToken)
            ?? throw new DomainRuleException(DataListErrors.NotFound);
        if (!IsProducerOperator(user, dataset))
        {
            throw new DomainRuleException(user.IsCustodian ? DataListErrors.NotProducerOperator : DataListErrors.NotFound);
        }

        var approved = await db.Versions.Where(v => v.DatasetId == dataset.Id && v.Status == VersionStatus.Approved).Select(v => v.Period).Distinct()
            .ToListAsync(cancellationToken);
        var today = Wib.Today(clock);
        var (periods, chosen) = Periods(dataset.Schedule, dataset.Since, today, approved.ToHashSet());
        return new UploadTarget(dataset.Id, dataset.Code, dataset.Title, dataset.Columns, periods, chosen);
    }

    /// <summary>A version's number within its dataset; null when unknown.</summary>
    public async Task<int?> VersionNumberAsync(Guid versionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Versions.Where(v => v.Id == versionId).Select(v => (int?)v.Number).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The periods one may upload for and the one to offer first: the oldest due period without an approved version, else the current one.</summary>
    public static (IReadOnlyList<ReportingPeriod> Periods, ReportingPeriod Default) Periods(UpdateSchedule schedule, ReportingPeriod since, DateOnly today,
        IReadOnlySet<string> approved)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(approved);
        var current = NextPeriod(schedule, since, today);
        var periods = since.Through(current).ToList();
        var latestDue = schedule.LatestDue(today);
        var missing = periods.Where(p => p <= latestDue && !approved.Contains(p.Key)).Select(p => (ReportingPeriod?)p).FirstOrDefault();
        return (periods, missing ?? current);
    }

    /// <summary>The period whose data is due next: the one being collected now, or the first period when that is later.</summary>
    public static ReportingPeriod NextPeriod(UpdateSchedule schedule, ReportingPeriod since, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var next = schedule.NextDue(today);
        return next < since ? since : next;
    }

    private static bool IsProducerOperator(DataUser user, Dataset dataset) => user.IsOperator && user.AgencyId == dataset.ProducerAgencyId;

    private async Task<Dictionary<Guid, string>> AgencyNamesAsync(CancellationToken cancellationToken) =>
        (await directory.ListAgenciesAsync(cancellationToken)).ToDictionary(a => a.AgencyId, a => a.Name);
}
