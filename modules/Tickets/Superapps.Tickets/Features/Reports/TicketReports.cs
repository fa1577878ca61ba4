using System.Data.Common;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;

namespace Superapps.Tickets.Features.Reports;

/// <summary>
/// The SLA and workload reports (issue 5, journey 7): MTTR, SLA percentages, tickets by category, OPD and site, and monthly
/// trends, from the SLA state each ticket stores (docs/adr/0012-ticket-sla-tracking.md). A ticket counts as reported on its report
/// day and as resolved on the day of its last resolution while it stays resolved or closed (a reopened ticket drops out until it is
/// resolved again).
/// <para>
/// The whole months of the period and of the trend are read from the monthly roll-up <c>tickets.ticket_monthly_stats</c>
/// (docs/adr/0013-ticket-report-rollups.md: at most one row per month, OPD, site and category), the days of a month the period
/// covers only in part from the tickets themselves over the covering indexes <c>ix_tickets_report_created</c> and
/// <c>ix_tickets_report_resolved</c>. Every figure is a sum, so the two add up to what the tickets alone give; the recently
/// resolved tickets are read in order from the second index. One round trip (a batch of statements).
/// </para>
/// </summary>
public sealed class TicketReports(NpgsqlDataSource dataSource, IOptions<TicketsOptions> options)
{
    /// <summary>How many recently resolved tickets the report lists.</summary>
    public const int RecentCount = 20;

    /// <summary>Months in the trend, the period's last month included.</summary>
    public const int TrendMonths = 12;

    private const string Resolved = "t.status IN ('Resolved', 'Closed')";

    /// <summary>The GROUPING() levels of the period's figures: everything, by category, by OPD, by site.</summary>
    private const int Total = 7, ByCategory = 3, ByAgency = 5, BySite = 6;

    public async Task<TicketReport> BuildAsync(TicketReportFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var errors = filter.Check();
        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        var zone = options.Value.FindTimeZone();
        var from = TicketRollup.Start(filter.From, zone);
        var to = TicketRollup.Start(filter.To.AddDays(1), zone);
        var lastMonth = TicketRollup.MonthOf(filter.To);
        var trendMonth = lastMonth.AddMonths(1 - TrendMonths);

        // Whole months come from the roll-up. A month the period covers in part is read from its tickets when the part is at
        // most half of it, else as the month's roll-up minus the tickets of the rest (a period ending today: the rest is empty).
        var period = ReportPieces.Of(filter.From, filter.To, zone);
        var trend = ReportPieces.Of(trendMonth, filter.To, zone);

        var extra = (filter.AgencyId is null ? string.Empty : " AND t.agency_id = @agency") + (filter.Category is null ? string.Empty : " AND t.category = @category");
        var extraRollup = extra.Replace("t.", "s.", StringComparison.Ordinal);
        var resolved = $"t.resolved_at >= @from AND t.resolved_at < @to AND {Resolved}" + extra;
        var periodRows = $"""
            SELECT s.agency_id, s.site_id, s.category, s.reported, s.response_met, s.response_counted, s.resolved, s.resolution_met, s.resolution_counted,
                   s.business_time_count, s.business_time_microseconds, s.wall_time_microseconds
            FROM tickets.ticket_monthly_stats s WHERE s.month >= @rollup_from AND s.month < @rollup_to{extraRollup}
            {Raw(period.Plus1, "@plus1_from", "@plus1_to", extra, "")}{Raw(period.Plus2, "@plus2_from", "@plus2_to", extra, "")}{Raw(period.Minus1, "@minus1_from", "@minus1_to", extra, "-")}{Raw(period.Minus2, "@minus2_from", "@minus2_to", extra, "-")}
            """;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        Add(batch, $"""
            WITH p AS ({periodRows}),
            g AS (
                SELECT GROUPING(p.category, p.agency_id, p.site_id)::int AS level, p.category, coalesce(p.agency_id, p.site_id) AS key,
                       coalesce(sum(p.reported), 0)::int AS reported, coalesce(sum(p.response_met), 0)::int AS response_met,
                       coalesce(sum(p.response_counted), 0)::int AS response_counted, coalesce(sum(p.resolved), 0)::int AS resolved,
                       coalesce(sum(p.resolution_met), 0)::int AS resolution_met, coalesce(sum(p.resolution_counted), 0)::int AS resolution_counted,
                       coalesce(sum(p.business_time_count), 0)::int AS business_count, coalesce(sum(p.business_time_microseconds), 0)::bigint AS business_us,
                       coalesce(sum(p.wall_time_microseconds), 0)::bigint AS wall_us
                FROM p GROUP BY GROUPING SETS ((), (p.category), (p.agency_id), (p.site_id))),
            r AS (
                SELECT g.*, row_number() OVER (PARTITION BY g.level ORDER BY g.reported DESC, g.key)::int AS rank
                FROM g WHERE g.level IN ({ByAgency}, {BySite}) AND g.reported > 0)
            SELECT g.level, 0, g.category, NULL::uuid, NULL::text, NULL::text, g.reported, g.response_met, g.response_counted, g.resolved,
                   g.resolution_met, g.resolution_counted, g.business_count, g.business_us, g.wall_us
            FROM g WHERE g.level IN ({Total}, {ByCategory})
            UNION ALL
            SELECT r.level, r.rank, NULL, r.key,
                   CASE WHEN r.level = {ByAgency} THEN (SELECT x.agency_name FROM tickets.tickets x WHERE x.agency_id = r.key LIMIT 1)
                        ELSE (SELECT s.name FROM tickets.sites s WHERE s.id = r.key) END,
                   CASE WHEN r.level = {BySite} THEN (SELECT s.agency_name FROM tickets.sites s WHERE s.id = r.key) END,
                   r.reported, r.response_met, r.response_counted, r.resolved, r.resolution_met, r.resolution_counted, r.business_count, r.business_us, r.wall_us
            FROM r WHERE r.rank <= @top
            """);
        Add(batch, $"""
            SELECT extract(year FROM m.month)::int, extract(month FROM m.month)::int, sum(m.reported)::int, sum(m.resolved)::int, sum(m.met)::int, sum(m.counted)::int FROM (
                SELECT s.month, s.reported, s.resolved, s.resolution_met AS met, s.resolution_counted AS counted
                FROM tickets.ticket_monthly_stats s WHERE s.month >= @trend_from AND s.month < @trend_to{extraRollup}
                UNION ALL
                SELECT @last_month, count(*), 0, 0, 0 FROM tickets.tickets t WHERE t.created_at >= @trend_plus_from AND t.created_at < @trend_plus_to{extra}
                UNION ALL
                SELECT @last_month, -count(*), 0, 0, 0 FROM tickets.tickets t WHERE t.created_at >= @trend_minus_from AND t.created_at < @trend_minus_to{extra}
                UNION ALL
                SELECT @last_month, 0, count(*), count(*) FILTER (WHERE t.resolution_met), count(t.resolution_met)
                FROM tickets.tickets t WHERE t.resolved_at >= @trend_plus_from AND t.resolved_at < @trend_plus_to AND {Resolved}{extra}
                UNION ALL
                SELECT @last_month, 0, -count(*), -count(*) FILTER (WHERE t.resolution_met), -count(t.resolution_met)
                FROM tickets.tickets t WHERE t.resolved_at >= @trend_minus_from AND t.resolved_at < @trend_minus_to AND {Resolved}{extra}
            ) m GROUP BY m.month ORDER BY m.month
            """);
        Add(batch, $"""
            SELECT t.id, t.number, t.site_name, t.agency_name, t.category, t.priority, t.created_at, t.resolved_at, t.resolution_business_time, t.resolution_met
            FROM tickets.tickets t WHERE {resolved} ORDER BY t.resolved_at DESC, t.id LIMIT {RecentCount}
            """);
        foreach (var command in batch.BatchCommands)
        {
            Instant(command, "from", from);
            Instant(command, "to", to);
            Month(command, "rollup_from", period.RollupFrom);
            Month(command, "rollup_to", period.RollupTo);
            Instant(command, "plus1_from", period.Plus1.From);
            Instant(command, "plus1_to", period.Plus1.To);
            Instant(command, "plus2_from", period.Plus2.From);
            Instant(command, "plus2_to", period.Plus2.To);
            Instant(command, "minus1_from", period.Minus1.From);
            Instant(command, "minus1_to", period.Minus1.To);
            Instant(command, "minus2_from", period.Minus2.From);
            Instant(command, "minus2_to", period.Minus2.To);
            Month(command, "trend_from", trend.RollupFrom);
            Month(command, "trend_to", trend.RollupTo);
            Instant(command, "trend_plus_from", trend.Plus2.From);
            Instant(command, "trend_plus_to", trend.Plus2.To);
            Instant(command, "trend_minus_from", trend.Minus2.From);
            Instant(command, "trend_minus_to", trend.Minus2.To);
            Month(command, "last_month", lastMonth);
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

        // Prepared once per connection and statement shape (a filter by OPD or category changes the shape): the planning of these
        // statements costs about as much as running them.
        // With an OPD the generic plan prefers the OPD's index to the period's and reads all its tickets: planned per call.
        if (filter.AgencyId is null)
        {
            await batch.PrepareAsync(cancellationToken);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var summary = new TicketReportSummary(0, 0, null, null, null, null);
        var categories = new Dictionary<TicketCategory, CategoryFigures>();
        var agencies = new List<(int Rank, RankedFigures Figures)>();
        var sites = new List<(int Rank, RankedFigures Figures)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var (level, rank) = (reader.GetInt32(0), reader.GetInt32(1));
            var (reported, responseMet, responseCounted, resolvedCount) = (reader.GetInt32(6), reader.GetInt32(7), reader.GetInt32(8), reader.GetInt32(9));
            var resolutionMet = Percent(reader.GetInt32(10), reader.GetInt32(11));
            var business = Mean(reader.GetInt64(13), reader.GetInt32(12));
            switch (level)
            {
                case Total:
                    summary = new TicketReportSummary(reported, resolvedCount, business, Mean(reader.GetInt64(14), resolvedCount), Percent(responseMet, responseCounted), resolutionMet);
                    break;
                case ByCategory when Enum.TryParse<TicketCategory>(reader.GetString(2), out var category):
                    categories[category] = new CategoryFigures(category, reported, resolvedCount, resolutionMet);
                    break;
                case ByAgency or BySite:
                    var figures = new RankedFigures(reader.GetGuid(3), reader.IsDBNull(4) ? string.Empty : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                        reported, resolvedCount, business);
                    (level == ByAgency ? agencies : sites).Add((rank, figures));
                    break;
                default:
                    break;
            }
        }

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

        var trendFigures = Enumerable.Range(0, TrendMonths).Select(i => lastMonth.AddMonths(i + 1 - TrendMonths))
            .Select(m => months.TryGetValue((m.Year, m.Month), out var figures) ? figures : new MonthFigures(m.Year, m.Month, 0, 0, null)).ToList();
        var byCategory = Enum.GetValues<TicketCategory>().Where(c => filter.Category is null || c == filter.Category)
            .Select(c => categories.TryGetValue(c, out var figures) ? figures : new CategoryFigures(c, 0, 0, null)).ToList();
        return new TicketReport(filter, summary, byCategory, [.. agencies.OrderBy(a => a.Rank).Select(a => a.Figures)],
            [.. sites.OrderBy(s => s.Rank).Select(s => s.Figures)], trendFigures, recent);
    }

    /// <summary>The branches of a range of tickets, none when it is empty.</summary>
    private static string Raw(InstantRange range, string from, string to, string extra, string sign) => range.From >= range.To ? string.Empty : $"""

        UNION ALL {RawReported(from, to, extra, sign)}
        UNION ALL {RawResolved(from, to, extra, sign)}
        """;

    /// <summary>Tickets reported in [<paramref name="from"/>, <paramref name="to"/>), as roll-up rows, counted with <paramref name="sign"/>.</summary>
    private static string RawReported(string from, string to, string extra, string sign) => $"""
        SELECT t.agency_id, t.site_id, t.category, {sign}count(*), {sign}count(*) FILTER (WHERE t.response_met), {sign}count(t.response_met), 0, 0, 0, 0, 0::bigint, 0::bigint
        FROM tickets.tickets t WHERE t.created_at >= {from} AND t.created_at < {to}{extra} GROUP BY t.agency_id, t.site_id, t.category
        """;

    /// <summary>Tickets resolved in [<paramref name="from"/>, <paramref name="to"/>) that count as resolved, as roll-up rows, counted with <paramref name="sign"/>.</summary>
    private static string RawResolved(string from, string to, string extra, string sign) => $"""
        SELECT t.agency_id, t.site_id, t.category, 0, 0, 0, {sign}count(*), {sign}count(*) FILTER (WHERE t.resolution_met), {sign}count(t.resolution_met),
               {sign}count(t.resolution_business_time), {sign}coalesce(sum((extract(epoch FROM t.resolution_business_time) * 1000000)::bigint), 0)::bigint,
               {sign}sum((extract(epoch FROM t.resolved_at - t.created_at) * 1000000)::bigint)::bigint
        FROM tickets.tickets t WHERE t.resolved_at >= {from} AND t.resolved_at < {to} AND {Resolved}{extra} GROUP BY t.agency_id, t.site_id, t.category
        """;

    private static void Instant(DbBatchCommand command, string name, DateTimeOffset value) =>
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>(name, NpgsqlDbType.TimestampTz) { TypedValue = value });

    private static void Month(DbBatchCommand command, string name, DateOnly value) =>
        command.Parameters.Add(new NpgsqlParameter<DateOnly>(name, NpgsqlDbType.Date) { TypedValue = value });

    /// <summary>A mean of microseconds, in whole seconds as the page shows it.</summary>
    private static TimeSpan? Mean(long microseconds, int count) =>
        count == 0 ? null : TimeSpan.FromSeconds(Math.Round(microseconds / (double)count / 1_000_000));

    private static void Add(NpgsqlBatch batch, string sql) => batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));

    private static double? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);
}
