using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Options;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain;

namespace Superapps.Tickets.Features.Reports;

/// <summary>
/// Keeps the reports' monthly roll-up (<see cref="TicketMonthlyStats"/>) equal to what the tickets add up to
/// (docs/adr/0013-ticket-report-rollups.md). Two ways, both recomputing rows from the tickets themselves, never adding or
/// subtracting, so a row cannot drift:
/// <list type="bullet">
/// <item>Every save of <see cref="TicketsDbContext"/> that changes what a ticket contributes to the reports (report, first
/// response, resolution, reopening, close, a moved site or category, SLA outcomes) recomputes the rows it touched, before and
/// after the change, in the same transaction (<see cref="TouchedKeys"/>, <see cref="RecomputeAsync"/>).</item>
/// <item><see cref="RebuildAsync"/> recomputes whole months: the job <see cref="TicketRollupJob"/> every hour for the recent
/// months (a safety net for changes made outside the module's code), and a full rebuild at start when the roll-up is empty
/// and tickets exist (<see cref="TicketRollupInitializer"/>), or on demand.</item>
/// </list>
/// Writers of the same month take turns: each holds a transaction-scoped advisory lock on the month (class
/// <see cref="LockClass"/>, the month's number) before it reads the tickets, so the last writer always reads what the others
/// committed. Locks are taken in ascending month order and after the tickets are saved, so they cannot deadlock.
/// </summary>
public sealed class TicketReportRollups(TicketsDbContext db, IOptions<TicketsOptions> options)
{
    /// <summary>The first key of the months' advisory locks ("TIKR").</summary>
    public const int LockClass = 0x5449_4B52;

    /// <summary>How many months the hourly job rebuilds: the current one and the one before (auto-close and late resolutions).</summary>
    public const int RecentMonths = 2;

    /// <summary>True when the roll-up holds no row.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default) => !await db.TicketMonthlyStats.AnyAsync(cancellationToken);

    /// <summary>Rebuilds every month that has a ticket (and removes rows of months that have none). Returns the rows written.</summary>
    public async Task<int> RebuildAllAsync(CancellationToken cancellationToken = default)
    {
        var zone = options.Value.FindTimeZone();
        var first = await db.Tickets.MinAsync(t => (DateTimeOffset?)t.CreatedAt, cancellationToken);
        var lastCreated = await db.Tickets.MaxAsync(t => (DateTimeOffset?)t.CreatedAt, cancellationToken);
        var lastResolved = await db.Tickets.MaxAsync(t => t.ResolvedAt, cancellationToken);
        var firstStored = await db.TicketMonthlyStats.MinAsync(s => (DateOnly?)s.Month, cancellationToken);
        var lastStored = await db.TicketMonthlyStats.MaxAsync(s => (DateOnly?)s.Month, cancellationToken);
        DateOnly?[] firsts = [first is null ? null : TicketRollup.MonthOf(first.Value, zone), firstStored];
        DateOnly?[] lasts = [lastCreated is null ? null : TicketRollup.MonthOf(lastCreated.Value, zone),
            lastResolved is null ? null : TicketRollup.MonthOf(lastResolved.Value, zone), lastStored];
        var from = firsts.Where(m => m is not null).Min();
        var to = lasts.Where(m => m is not null).Max();
        return from is null || to is null ? 0 : await RebuildAsync(from.Value, to.Value, cancellationToken);
    }

    /// <summary>Rebuilds the <see cref="RecentMonths"/> months up to the one of <paramref name="now"/>.</summary>
    public Task<int> RebuildRecentAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var month = TicketRollup.MonthOf(now, options.Value.FindTimeZone());
        return RebuildAsync(month.AddMonths(1 - RecentMonths), month, cancellationToken);
    }

    /// <summary>Recomputes the months <paramref name="fromMonth"/>..<paramref name="toMonth"/> (first days, inclusive) from the tickets, in one transaction. Returns the rows written.</summary>
    public async Task<int> RebuildAsync(DateOnly fromMonth, DateOnly toMonth, CancellationToken cancellationToken = default)
    {
        fromMonth = TicketRollup.MonthOf(fromMonth);
        toMonth = TicketRollup.MonthOf(toMonth);
        if (toMonth < fromMonth)
        {
            throw new ArgumentOutOfRangeException(nameof(toMonth), "The last month comes before the first.");
        }

        var zone = options.Value.FindTimeZone();
        var start = TicketRollup.Start(fromMonth, zone);
        var end = TicketRollup.Start(toMonth.AddMonths(1), zone);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            for (var month = fromMonth; month <= toMonth; month = month.AddMonths(1))
            {
                await LockMonthAsync(db, month, cancellationToken);
            }

            await db.TicketMonthlyStats.Where(s => s.Month >= fromMonth && s.Month <= toMonth).ExecuteDeleteAsync(cancellationToken);
            var facts = await Facts(db.Tickets.Where(t => (t.CreatedAt >= start && t.CreatedAt < end) || (t.ResolvedAt >= start && t.ResolvedAt < end)))
                .ToListAsync(cancellationToken);
            var rows = TicketRollup.Aggregate(facts, zone).Values.Where(r => r.Month >= fromMonth && r.Month <= toMonth).ToList();
            db.TicketMonthlyStats.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
            Detach(db, rows);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return rows.Count;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The rows whose figures the pending changes of tickets in <paramref name="tracker"/> alter: for each added, changed or
    /// removed ticket whose <see cref="TicketFacts"/> differ, the rows it contributed to before and those it contributes to now.
    /// </summary>
    internal static IReadOnlyList<TicketRollupKey> TouchedKeys(ChangeTracker tracker, TimeZoneInfo zone)
    {
        var keys = new HashSet<TicketRollupKey>();
        foreach (var entry in tracker.Entries<Ticket>())
        {
            var before = entry.State is EntityState.Modified or EntityState.Deleted ? Facts(entry.OriginalValues) : null;
            var after = entry.State is EntityState.Added or EntityState.Modified ? Facts(entry.CurrentValues) : null;
            if (before == after)
            {
                continue;
            }

            foreach (var facts in new[] { before, after })
            {
                if (facts is not null)
                {
                    keys.UnionWith(TicketRollup.KeysOf(facts, zone));
                }
            }
        }

        return [.. keys.OrderBy(k => k.Month)];
    }

    /// <summary>
    /// Recomputes <paramref name="keys"/> from the tickets, inside the caller's open transaction and after its changes are
    /// saved; <paramref name="save"/> saves the new rows.
    /// </summary>
    internal static async Task RecomputeAsync(TicketsDbContext db, IReadOnlyList<TicketRollupKey> keys, TimeZoneInfo zone,
        Func<CancellationToken, Task<int>> save, CancellationToken cancellationToken)
    {
        foreach (var month in keys.Select(k => k.Month).Distinct().Order())
        {
            await LockMonthAsync(db, month, cancellationToken);
        }

        var rows = new List<TicketMonthlyStats>();
        foreach (var key in keys)
        {
            var (month, agency, site, category) = (key.Month, key.AgencyId, key.SiteId, key.Category);
            await db.TicketMonthlyStats.Where(s => s.Month == month && s.AgencyId == agency && s.SiteId == site && s.Category == category)
                .ExecuteDeleteAsync(cancellationToken);
            var start = TicketRollup.Start(month, zone);
            var end = TicketRollup.Start(month.AddMonths(1), zone);
            var facts = await Facts(db.Tickets.Where(t => t.SiteId == site && t.AgencyId == agency && t.Category == category
                    && ((t.CreatedAt >= start && t.CreatedAt < end) || (t.ResolvedAt >= start && t.ResolvedAt < end))))
                .ToListAsync(cancellationToken);
            if (TicketRollup.Aggregate(facts, zone).TryGetValue(key, out var row))
            {
                rows.Add(row);
            }
        }

        if (rows.Count > 0)
        {
            db.TicketMonthlyStats.AddRange(rows);
            await save(cancellationToken);
            Detach(db, rows);
        }
    }

    private static IQueryable<TicketFacts> Facts(IQueryable<Ticket> tickets) => tickets.AsNoTracking().Select(t =>
        new TicketFacts(t.CreatedAt, t.ResolvedAt, t.Status, t.AgencyId, t.SiteId, t.Category, t.ResponseMet, t.ResolutionMet, t.ResolutionBusinessTime));

    private static TicketFacts Facts(PropertyValues values) => new(
        values.GetValue<DateTimeOffset>(nameof(Ticket.CreatedAt)), values.GetValue<DateTimeOffset?>(nameof(Ticket.ResolvedAt)),
        values.GetValue<Contracts.TicketStatus>(nameof(Ticket.Status)), values.GetValue<Guid>(nameof(Ticket.AgencyId)),
        values.GetValue<Guid>(nameof(Ticket.SiteId)), values.GetValue<Contracts.TicketCategory>(nameof(Ticket.Category)),
        values.GetValue<bool?>(nameof(Ticket.ResponseMet)), values.GetValue<bool?>(nameof(Ticket.ResolutionMet)),
        values.GetValue<TimeSpan?>(nameof(Ticket.ResolutionBusinessTime)));

    private static Task<int> LockMonthAsync(TicketsDbContext db, DateOnly month, CancellationToken cancellationToken)
    {
        var number = (month.Year * 12) + month.Month - 1;
        return db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockClass}, {number})", cancellationToken);
    }

    /// <summary>The rows written are not the caller's business: a later save must not see them.</summary>
    private static void Detach(TicketsDbContext db, IEnumerable<TicketMonthlyStats> rows)
    {
        foreach (var row in rows)
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }
}
