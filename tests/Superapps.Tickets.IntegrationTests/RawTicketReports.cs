using System.Data.Common;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;

using Superapps.Tickets;
using Superapps.Tickets.Features.Reports;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>
/// The SLA and workload reports (issue 5, journey 7): MTTR, SLA percentages, tickets by category, OPD and site, and monthly
/// trends. Every figure is aggregated in PostgreSQL over the covering indexes <c>ix_tickets_report_created</c> and
/// <c>ix_tickets_report_resolved</c>, in one round trip (a batch of statements), from the SLA state each ticket stores
/// (docs/adr/0012-ticket-sla-tracking.md). A ticket counts as reported on its report day and as resolved on the day of its last
/// resolution while it stays resolved or closed (a reopened ticket drops out until it is resolved again).
/// </summary>
public sealed class RawTicketReports(NpgsqlDataSource dataSource, IOptions<TicketsOptions> options)
{
    /// <summary>How many recently resolved tickets the report lists.</summary>
    public const int RecentCount = 20;

    /// <summary>Months in the trend, the period's last month included.</summary>
    public const int TrendMonths = 12;

    private const string Resolved = "t.status IN ('Resolved', 'Closed')";

    public async Task<TicketReport> BuildAsync(TicketReportFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var errors = filter.Check();
        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        var zone = options.Value.FindTimeZone();
        var from = Start(filter.From, zone);
        var to = Start(filter.To.AddDays(1), zone);
        var lastMonth = new DateOnly(filter.To.Year, filter.To.Month, 1);
        var trendFrom = Start(lastMonth.AddMonths(1 - TrendMonths), zone);

        var extra = (filter.AgencyId is null ? string.Empty : " AND t.agency_id = @agency") + (filter.Category is null ? string.Empty : " AND t.category = @category");
        var created = "t.created_at >= @from AND t.created_at < @to" + extra;
        var resolved = $"t.resolved_at >= @from AND t.resolved_at < @to AND {Resolved}" + extra;
        var trendCreated = "t.created_at >= @trend_from AND t.created_at < @to" + extra;
        var trendResolved = $"t.resolved_at >= @trend_from AND t.resolved_at < @to AND {Resolved}" + extra;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        Add(batch, $"SELECT count(*)::int, count(*) FILTER (WHERE t.response_met)::int, count(t.response_met)::int FROM tickets.tickets t WHERE {created}");
        Add(batch, $"""
            SELECT count(*)::int, extract(epoch FROM avg(t.resolution_business_time))::float8, extract(epoch FROM avg(t.resolved_at - t.created_at))::float8,
                   count(*) FILTER (WHERE t.resolution_met)::int, count(t.resolution_met)::int
            FROM tickets.tickets t WHERE {resolved}
            """);
        Add(batch, $"""
            SELECT c.category, sum(c.reported)::int, sum(c.resolved)::int, sum(c.met)::int, sum(c.counted)::int FROM (
                SELECT t.category, count(*) AS reported, 0 AS resolved, 0 AS met, 0 AS counted FROM tickets.tickets t WHERE {created} GROUP BY t.category
                UNION ALL
                SELECT t.category, 0, count(*), count(*) FILTER (WHERE t.resolution_met), count(t.resolution_met) FROM tickets.tickets t WHERE {resolved} GROUP BY t.category
            ) c GROUP BY c.category
            """);
        Add(batch, Ranking("agency_id", created, resolved,
            "(SELECT x.agency_name FROM tickets.tickets x WHERE x.agency_id = r.key LIMIT 1)", "NULL::text"));
        Add(batch, Ranking("site_id", created, resolved,
            "(SELECT s.name FROM tickets.sites s WHERE s.id = r.key)", "(SELECT s.agency_name FROM tickets.sites s WHERE s.id = r.key)"));
        Add(batch, $"""
            SELECT extract(year FROM m.month)::int, extract(month FROM m.month)::int, sum(m.reported)::int, sum(m.resolved)::int, sum(m.met)::int, sum(m.counted)::int FROM (
                SELECT date_trunc('month', t.created_at AT TIME ZONE @zone) AS month, count(*) AS reported, 0 AS resolved, 0 AS met, 0 AS counted
                FROM tickets.tickets t WHERE {trendCreated} GROUP BY 1
                UNION ALL
                SELECT date_trunc('month', t.resolved_at AT TIME ZONE @zone), 0, count(*), count(*) FILTER (WHERE t.resolution_met), count(t.resolution_met)
                FROM tickets.tickets t WHERE {trendResolved} GROUP BY 1
            ) m GROUP BY m.month ORDER BY m.month
            """);
        Add(batch, $"""
            SELECT t.id, t.number, t.site_name, t.agency_name, t.category, t.priority, t.created_at, t.resolved_at, t.resolution_business_time, t.resolution_met
            FROM tickets.tickets t WHERE {resolved} ORDER BY t.resolved_at DESC, t.id LIMIT {RecentCount}
            """);
        foreach (var command in batch.BatchCommands)
        {
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("from", NpgsqlDbType.TimestampTz) { TypedValue = from });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("to", NpgsqlDbType.TimestampTz) { TypedValue = to });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("trend_from", NpgsqlDbType.TimestampTz) { TypedValue = trendFrom });
            command.Parameters.Add(new NpgsqlParameter<string>("zone", NpgsqlDbType.Text) { TypedValue = options.Value.TimeZone });
            command.Parameters.Add(new NpgsqlParameter<int>("top", NpgsqlDbType.Integer) { TypedValue = filter.Top });
            if (filter.AgencyId is { } agency)
            {
                command.Parameters.Add(new NpgsqlParameter<Guid>("agency", NpgsqlDbType.Uuid) { TypedValue = agency });
            }

            if (filter.Category is { } category)
            {
                command.Parameters.Add(new NpgsqlParameter<string>("category", NpgsqlDbType.Varchar) { TypedValue = category.ToString() });
            }
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (reported, responseMet, responseCounted) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var summary = new TicketReportSummary(reported, reader.GetInt32(0), Seconds(reader, 1), Seconds(reader, 2),
            Percent(responseMet, responseCounted), Percent(reader.GetInt32(3), reader.GetInt32(4)));

        await reader.NextResultAsync(cancellationToken);
        var categories = new Dictionary<TicketCategory, CategoryFigures>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (Enum.TryParse<TicketCategory>(reader.GetString(0), out var category))
            {
                categories[category] = new CategoryFigures(category, reader.GetInt32(1), reader.GetInt32(2), Percent(reader.GetInt32(3), reader.GetInt32(4)));
            }
        }

        await reader.NextResultAsync(cancellationToken);
        var agencies = await RankedAsync(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var sites = await RankedAsync(reader, cancellationToken);

        await reader.NextResultAsync(cancellationToken);
        var months = new Dictionary<(int, int), MonthFigures>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var month = new MonthFigures(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), Percent(reader.GetInt32(4), reader.GetInt32(5)));
            months[(month.Year, month.Month)] = month;
        }

        await reader.NextResultAsync(cancellationToken);
        var recent = new List<ResolvedTicket>();
        while (await reader.ReadAsync(cancellationToken))
        {
            recent.Add(new ResolvedTicket(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                Enum.Parse<TicketCategory>(reader.GetString(4)), Enum.Parse<TicketPriority>(reader.GetString(5)),
                reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<TimeSpan>(8), reader.IsDBNull(9) ? null : reader.GetBoolean(9)));
        }

        var trend = Enumerable.Range(0, TrendMonths).Select(i => lastMonth.AddMonths(i + 1 - TrendMonths))
            .Select(m => months.TryGetValue((m.Year, m.Month), out var figures) ? figures : new MonthFigures(m.Year, m.Month, 0, 0, null)).ToList();
        var byCategory = Enum.GetValues<TicketCategory>().Where(c => filter.Category is null || c == filter.Category)
            .Select(c => categories.TryGetValue(c, out var figures) ? figures : new CategoryFigures(c, 0, 0, null)).ToList();
        return new TicketReport(filter, summary, byCategory, agencies, sites, trend, recent);
    }

    /// <summary>The top OPDs or sites by tickets reported, with their resolutions and MTTR in the period.</summary>
    private static string Ranking(string key, string created, string resolved, string name, string agencyName) => $"""
        WITH r AS (
            SELECT t.{key} AS key, count(*) AS reported FROM tickets.tickets t WHERE {created}
            GROUP BY t.{key} ORDER BY count(*) DESC, t.{key} LIMIT @top),
        s AS (
            SELECT t.{key} AS key, count(*) AS resolved, avg(t.resolution_business_time) AS mttr FROM tickets.tickets t
            WHERE {resolved} AND t.{key} IN (SELECT r.key FROM r) GROUP BY t.{key})
        SELECT r.key, coalesce({name}, ''), {agencyName}, r.reported::int, coalesce(s.resolved, 0)::int, extract(epoch FROM s.mttr)::float8
        FROM r LEFT JOIN s ON s.key = r.key ORDER BY r.reported DESC, r.key
        """;

    private static async Task<List<RankedFigures>> RankedAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var ranked = new List<RankedFigures>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ranked.Add(new RankedFigures(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt32(3), reader.GetInt32(4), Seconds(reader, 5)));
        }

        return ranked;
    }

    private static void Add(NpgsqlBatch batch, string sql) => batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));

    private static TimeSpan? Seconds(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : TimeSpan.FromSeconds(Math.Round(reader.GetDouble(ordinal)));

    private static double? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);

    /// <summary>Midnight at the start of <paramref name="day"/> in the city's zone.</summary>
    private static DateTimeOffset Start(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
