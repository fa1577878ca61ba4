using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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
