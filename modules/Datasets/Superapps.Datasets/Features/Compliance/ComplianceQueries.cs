using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Superapps.Datasets.Data;
using Superapps.Datasets.Domain;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Datasets.Features.Compliance;

/// <summary>One dataset due in the month, and where it stands.</summary>
public sealed record DatasetDue(Guid DatasetId, string Code, string Title, Guid AgencyId, ReportingPeriod Period, DateOnly DueOn, DueStatus Status,
    bool Uploaded, DateTimeOffset? ApprovedUploadAt);

/// <summary>An OPD's line of the dashboard: its counts for the month and its place in the ranking (1 = best).</summary>
public sealed record AgencyCompliance(int Rank, Guid AgencyId, string AgencyName, ComplianceTally Tally);

/// <summary>One month of a trend: the percentage as it stands today of the datasets due that month.</summary>
public sealed record ComplianceTrendPoint(ComplianceMonth Month, ComplianceTally Tally);

/// <summary>The city's dashboard for a month.</summary>
public sealed record ComplianceReport(ComplianceMonth Month, DateOnly Today, ComplianceTally City, IReadOnlyList<AgencyCompliance> Agencies,
    IReadOnlyList<ComplianceTrendPoint> Trend, IReadOnlyList<DatasetDue> Due);

/// <summary>One active dataset of an OPD in the drill-down: its status for the month (null when not due that month) and its freshness today.</summary>
public sealed record DatasetStanding(Guid DatasetId, string Code, string Title, UpdateFrequency Frequency, DatasetDue? Due, Freshness Freshness,
    ReportingPeriod? LatestApproved);

/// <summary>The drill-down of one OPD for a month.</summary>
public sealed record AgencyComplianceDetail(Guid AgencyId, string AgencyName, ComplianceMonth Month, DateOnly Today, ComplianceTally Tally,
    IReadOnlyList<DatasetStanding> Datasets, IReadOnlyList<ComplianceTrendPoint> Trend);

/// <summary>
/// The compliance dashboard's reads (<see cref="ComplianceRules"/>). PostgreSQL reduces the versions to one compact fact per
/// (dataset, period) of the months asked for (any upload; the earliest upload among approved versions); the rules are applied in
/// memory to those facts. A context per call, so a Blazor circuit never runs two queries on one context.
/// </summary>
public sealed class ComplianceQueries(IDbContextFactory<DatasetsDbContext> contexts, IOrganizationDirectory directory, TimeProvider clock)
{
    /// <summary>Months in a trend, the month asked for included.</summary>
    public const int TrendMonths = 12;

    public async Task<ComplianceReport> ReportAsync(ComplianceMonth month, CancellationToken cancellationToken = default)
    {
        var today = Wib.Today(clock);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var datasets = await DatasetsAsync(db, null, cancellationToken);
        var months = Months(month);
        var facts = await FactsAsync(db, datasets, months, null, cancellationToken);
        var names = await AgencyNamesAsync(cancellationToken);

        var due = Due(datasets, month, facts, today);
        var agencies = due.GroupBy(d => d.AgencyId)
            .Select(g => (AgencyId: g.Key, Name: NameOf(names, g.Key), Tally: Tally(g)))
            .ToList();
        var ranked = ComplianceRules.Rank(agencies, a => a.Tally, a => a.Name).Select((a, i) => new AgencyCompliance(i + 1, a.AgencyId, a.Name, a.Tally)).ToList();
        var trend = months.Select(m => new ComplianceTrendPoint(m, Tally(Due(datasets, m, facts, today)))).ToList();
        return new ComplianceReport(month, today, Tally(due), ranked, trend, due);
    }

    /// <summary>The OPD's active datasets with their status for the month and their freshness today, and the OPD's trend.</summary>
    public async Task<AgencyComplianceDetail> AgencyAsync(Guid agencyId, ComplianceMonth month, CancellationToken cancellationToken = default)
    {
        var today = Wib.Today(clock);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var datasets = await DatasetsAsync(db, agencyId, cancellationToken);
        var months = Months(month);
        var ids = datasets.Select(d => d.Id).ToArray();
        var facts = await FactsAsync(db, datasets, months, ids, cancellationToken);
        var latest = await LatestApprovedAsync(db, datasets, ids, cancellationToken);
        var agency = await directory.GetAgencyAsync(agencyId, cancellationToken);

        var due = Due(datasets, month, facts, today).ToDictionary(d => d.DatasetId);
        var standings = datasets
            .Select(d =>
            {
                var approved = latest.TryGetValue(d.Id, out var p) ? p : (ReportingPeriod?)null;
                return new DatasetStanding(d.Id, d.Code, d.Title, d.Schedule.Frequency, due.GetValueOrDefault(d.Id),
                    d.Schedule.FreshnessOn(today, approved, d.Since), approved);
            })
            // What needs attention first: late, then the rest of what is due, then what is not due this month; by title within.
            .OrderBy(s => s.Due is null ? 3 : s.Due.Status switch { DueStatus.Late => 0, DueStatus.NotYetDue => 1, _ => 2 })
            .ThenBy(s => s.Title, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var trend = months.Select(m => new ComplianceTrendPoint(m, Tally(Due(datasets, m, facts, today)))).ToList();
        return new AgencyComplianceDetail(agencyId, agency?.Name ?? agencyId.ToString(), month, today, Tally(due.Values), standings, trend);
    }

    /// <summary>Freshness today of every active dataset (for the exports).</summary>
    public async Task<IReadOnlyDictionary<Guid, Freshness>> FreshnessAsync(CancellationToken cancellationToken = default)
    {
        var today = Wib.Today(clock);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var datasets = await DatasetsAsync(db, null, cancellationToken);
        var latest = await LatestApprovedAsync(db, datasets, null, cancellationToken);
        return datasets.ToDictionary(d => d.Id, d => d.Schedule.FreshnessOn(today, latest.TryGetValue(d.Id, out var p) ? p : null, d.Since));
    }

    internal sealed record DatasetHead(Guid Id, string Code, string Title, Guid AgencyId, UpdateSchedule Schedule, ReportingPeriod Since);

    private static List<ComplianceMonth> Months(ComplianceMonth month) => [.. Enumerable.Range(0, TrendMonths).Select(i => month.AddMonths(i - TrendMonths + 1))];

    private static ComplianceTally Tally(IEnumerable<DatasetDue> due) => ComplianceTally.Of(due.Select(d => (d.Status, d.Uploaded)));

    private static List<DatasetDue> Due(IReadOnlyList<DatasetHead> datasets, ComplianceMonth month, Dictionary<(Guid, string), PeriodFacts> facts, DateOnly today)
    {
        var due = new List<DatasetDue>();
        foreach (var d in datasets)
        {
            if (ComplianceRules.PeriodDueIn(d.Schedule, d.Since, month) is not { } period)
            {
                continue;
            }

            var fact = facts.GetValueOrDefault((d.Id, period.Key), PeriodFacts.None);
            var dueOn = d.Schedule.DueOn(period);
            due.Add(new DatasetDue(d.Id, d.Code, d.Title, d.AgencyId, period, dueOn, ComplianceRules.StatusOf(dueOn, fact, today), fact.Uploaded,
                fact.FirstApprovedUpload));
        }

        return due;
    }

    private static async Task<List<DatasetHead>> DatasetsAsync(DatasetsDbContext db, Guid? agencyId, CancellationToken cancellationToken)
    {
        var query = db.Datasets.AsNoTracking().Where(d => d.IsActive);
        if (agencyId is { } agency)
        {
            query = query.Where(d => d.ProducerAgencyId == agency);
        }

        var rows = await query.Select(d => new { d.Id, d.Code, d.Title, d.ProducerAgencyId, d.Frequency, d.DueDay, d.FirstPeriod }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new DatasetHead(r.Id, r.Code, r.Title, r.ProducerAgencyId, new UpdateSchedule(r.Frequency, r.DueDay),
            ReportingPeriod.Parse(r.Frequency, r.FirstPeriod)))];
    }

    /// <summary>One fact per (dataset, period) due in <paramref name="months"/>: the only rows read from the versions.</summary>
    private static async Task<Dictionary<(Guid, string), PeriodFacts>> FactsAsync(DatasetsDbContext db, IReadOnlyList<DatasetHead> datasets,
        IReadOnlyList<ComplianceMonth> months, Guid[]? ids, CancellationToken cancellationToken)
    {
        var keys = datasets.SelectMany(d => months.Select(m => ComplianceRules.PeriodDueIn(d.Schedule, d.Since, m)?.Key)).OfType<string>().Distinct().ToArray();
        var facts = new Dictionary<(Guid, string), PeriodFacts>();
        if (keys.Length == 0)
        {
            return facts;
        }

        var sql = """
            SELECT dataset_id, period, min(uploaded_at) FILTER (WHERE status = 'Approved')
            FROM datasets.versions
            WHERE period = ANY(@periods)
            """ + (ids is null ? string.Empty : " AND dataset_id = ANY(@ids)") + " GROUP BY dataset_id, period";
        await using var command = await CommandAsync(db, sql, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter("periods", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys });
        if (ids is not null)
        {
            command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            facts[(reader.GetGuid(0), reader.GetString(1))] = new PeriodFacts(true, reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2));
        }

        return facts;
    }

    /// <summary>The latest period with an approved version, per dataset (keys of another frequency, from before a schedule change, are skipped).</summary>
    private static async Task<Dictionary<Guid, ReportingPeriod>> LatestApprovedAsync(DatasetsDbContext db, IReadOnlyList<DatasetHead> datasets, Guid[]? ids,
        CancellationToken cancellationToken)
    {
        var sql = "SELECT dataset_id, array_agg(DISTINCT period) FROM datasets.versions WHERE status = 'Approved'"
            + (ids is null ? string.Empty : " AND dataset_id = ANY(@ids)") + " GROUP BY dataset_id";
        await using var command = await CommandAsync(db, sql, cancellationToken);
        if (ids is not null)
        {
            command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids });
        }

        var byId = datasets.ToDictionary(d => d.Id);
        var latest = new Dictionary<Guid, ReportingPeriod>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!byId.TryGetValue(reader.GetGuid(0), out var dataset))
            {
                continue;
            }

            foreach (var key in reader.GetFieldValue<string[]>(1))
            {
                if (ReportingPeriod.TryParse(dataset.Schedule.Frequency, key, out var period) && (!latest.TryGetValue(dataset.Id, out var best) || period > best))
                {
                    latest[dataset.Id] = period;
                }
            }
        }

        return latest;
    }

    private static async Task<NpgsqlCommand> CommandAsync(DatasetsDbContext db, string sql, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        return new NpgsqlCommand(sql, connection);
    }

    private async Task<Dictionary<Guid, string>> AgencyNamesAsync(CancellationToken cancellationToken) =>
        (await directory.ListAgenciesAsync(cancellationToken)).GroupBy(a => a.AgencyId).ToDictionary(g => g.Key, g => g.First().Name);

    private static string NameOf(Dictionary<Guid, string> names, Guid agencyId) =>
        names.TryGetValue(agencyId, out var name) ? name : Bilingual.T("OPD tidak dikenal", "Unknown agency") + $" ({agencyId.ToString()[..8]})";
}
