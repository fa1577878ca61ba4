using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Domain.Calendar;
using Superapps.Tickets.Domain.Sla;

namespace Superapps.Tickets.Features.Sla;

/// <summary>
/// The one place services call after a transition to keep a ticket's stored SLA state current: builds the business clock from
/// the options and the stored days off (once per scope) and calls <see cref="TicketSlaTracker.Refresh"/>.
/// </summary>
public sealed class SlaTracking(TicketsDbContext db, IOptions<TicketsOptions> options)
{
    private BusinessClock? _clock;

    public SlaPolicy Policy { get; } = options.Value.Policy();

    /// <summary>Refreshes the stored SLA state of <paramref name="ticket"/>, whose events must be loaded, at <paramref name="now"/>.</summary>
    public async Task<TicketSlaReading> RefreshAsync(Ticket ticket, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        TicketSlaTracker.Refresh(ticket, Policy, await ClockAsync(cancellationToken), now);

    /// <summary>
    /// After a day off was added or removed: reads the calendar again and recomputes the stored SLA state (due and warning
    /// instants) of every open ticket on it, in batches, each saved under optimistic concurrency; a ticket changed meanwhile is
    /// read again and recomputed. Tickets whose state does not change are not written. Returns how many changed.
    /// </summary>
    public async Task<int> RecomputeOpenAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        _clock = null;
        db.ChangeTracker.Clear();
        var open = await db.Tickets.AsNoTracking().Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed)
            .OrderBy(t => t.CreatedAt).Select(t => t.Id).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var chunk in open.Chunk(BatchSize))
        {
            for (var attempt = 1; ; attempt++)
            {
                var batch = await db.Tickets.Include(t => t.Events).Where(t => chunk.Contains(t.Id)).AsSplitQuery().ToListAsync(cancellationToken);
                foreach (var ticket in batch.Where(t => t.Status is not (TicketStatus.Resolved or TicketStatus.Closed)))
                {
                    await RefreshAsync(ticket, now, cancellationToken);
                }

                try
                {
                    changed += db.ChangeTracker.Entries<Ticket>().Count(e => e.State == EntityState.Modified);
                    await db.SaveChangesAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    break;
                }
                catch (DbUpdateConcurrencyException) when (attempt < 3)
                {
                    // A transition saved one of them meanwhile: read the batch again.
                    changed -= db.ChangeTracker.Entries<Ticket>().Count(e => e.State == EntityState.Modified);
                    db.ChangeTracker.Clear();
                }
            }
        }

        return changed;
    }

    /// <summary>Tickets recomputed per query by <see cref="RecomputeOpenAsync"/>.</summary>
    public const int BatchSize = 100;

    /// <summary>The business clock on the configured hours and every stored day off, read once per scope.</summary>
    public async Task<BusinessClock> ClockAsync(CancellationToken cancellationToken = default)
    {
        if (_clock is null)
        {
            var entries = await db.CalendarEntries.AsNoTracking().ToListAsync(cancellationToken);
            var settings = options.Value;
            _clock = new BusinessClock(new WorkingCalendar(settings.FindTimeZone(), settings.Week(), entries));
        }

        return _clock;
    }
}
