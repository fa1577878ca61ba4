using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Superapps.SharedKernel;
using Superapps.Tickets.Data;
using Superapps.Tickets.Data.Configurations;
using Superapps.Tickets.Domain.Calendar;
using Superapps.Tickets.Domain.Sla;
using Superapps.Tickets.Features.Sla;

namespace Superapps.Tickets.Features.Calendar;

/// <summary>What an administrator enters for a day off.</summary>
public sealed record NewCalendarEntry(CalendarEntryKind Kind, string Name, DateOnly FirstDay, DateOnly LastDay, bool IsProvisional = false);

/// <summary>
/// The SLA calendar's days off: lists and adds them (overlaps refused with a bilingual error naming the entry in the way, both by
/// the domain check and by the table's exclusion constraint when two administrators save at once; nothing saved is lost), and
/// builds the <see cref="BusinessClock"/> the SLA arithmetic runs on. Adding or removing a day off recomputes the stored SLA state
/// of every open ticket on the new calendar at once (<see cref="SlaTracking.RecomputeOpenAsync"/>), so warnings and escalations
/// follow the calendar as it is now.
/// </summary>
public sealed class TicketCalendar(TicketsDbContext db, IAuditTrail audit, TimeProvider clock, IOptions<TicketsOptions> options, SlaTracking sla)
{
    public async Task<IReadOnlyList<CalendarEntry>> EntriesOfYearAsync(int year, CancellationToken cancellationToken = default)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        return await db.CalendarEntries.AsNoTracking().Where(e => e.LastDay >= first && e.FirstDay <= last).OrderBy(e => e.FirstDay).ToListAsync(cancellationToken);
    }

    public async Task<CalendarEntry> AddAsync(NewCalendarEntry input, string byName, CancellationToken cancellationToken = default)
    {
        var entry = CalendarEntry.Create(Guid.CreateVersion7(), input.Kind, input.Name, input.FirstDay, input.LastDay, input.IsProvisional, byName, clock.GetUtcNow());
        CalendarEntry.EnsureNoOverlap(await OverlappingAsync(entry, cancellationToken), entry);
        db.CalendarEntries.Add(entry);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation, ConstraintName: CalendarEntryConfiguration.NoOverlapConstraint })
        {
            // Another administrator saved an overlapping entry in the meantime: report it like the check above.
            db.ChangeTracker.Clear();
            CalendarEntry.EnsureNoOverlap(await OverlappingAsync(entry, cancellationToken), entry);
            throw;
        }

        var recomputed = await sla.RecomputeOpenAsync(clock.GetUtcNow(), cancellationToken);
        await audit.RecordAsync(new AuditEvent(TicketsDbContext.Schema, "calendar.entry-added", nameof(CalendarEntry), entry.Id.ToString(),
            $"Hari libur {entry.Name} ({Wib.FormatDate(entry.FirstDay)} s.d. {Wib.FormatDate(entry.LastDay)}) ditambahkan ke kalender SLA",
            new { entry.Kind, entry.Name, entry.FirstDay, entry.LastDay, entry.IsProvisional, recomputedTickets = recomputed }), cancellationToken);
        return entry;
    }

    public async Task RemoveAsync(Guid entryId, CancellationToken cancellationToken = default)
    {
        var entry = await db.CalendarEntries.FindAsync([entryId], cancellationToken)
            ?? throw new DomainRuleException(CalendarErrors.NotFound);
        db.CalendarEntries.Remove(entry);
        await db.SaveChangesAsync(cancellationToken);
        var recomputed = await sla.RecomputeOpenAsync(clock.GetUtcNow(), cancellationToken);
        await audit.RecordAsync(new AuditEvent(TicketsDbContext.Schema, "calendar.entry-removed", nameof(CalendarEntry), entry.Id.ToString(),
            $"Hari libur {entry.Name} ({Wib.FormatDate(entry.FirstDay)} s.d. {Wib.FormatDate(entry.LastDay)}) dihapus dari kalender SLA",
            new { entry.Kind, entry.Name, entry.FirstDay, entry.LastDay, recomputedTickets = recomputed }), cancellationToken);
    }

    /// <summary>The business clock on the configured hours and time zone, with every day off stored.</summary>
    public async Task<BusinessClock> ClockAsync(CancellationToken cancellationToken = default)
    {
        var entries = await db.CalendarEntries.AsNoTracking().ToListAsync(cancellationToken);
        var settings = options.Value;
        return new BusinessClock(new WorkingCalendar(settings.FindTimeZone(), settings.Week(), entries));
    }

    private async Task<List<CalendarEntry>> OverlappingAsync(CalendarEntry entry, CancellationToken cancellationToken) =>
        await db.CalendarEntries.AsNoTracking().Where(e => e.FirstDay <= entry.LastDay && entry.FirstDay <= e.LastDay).ToListAsync(cancellationToken);
}
