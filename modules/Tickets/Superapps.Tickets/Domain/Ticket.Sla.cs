using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain.Sla;

namespace Superapps.Tickets.Domain;

/// <summary>Which of a ticket's two target clocks a warning or an escalation is about.</summary>
public enum SlaClockKind
{
    /// <summary>From the report to the first assignment.</summary>
    Response = 0,

    /// <summary>The customer clock, from the report to the resolution.</summary>
    Resolution = 1,
}

/// <summary>
/// The SLA state a ticket stores for the jobs and the reports (docs/adr/0012-ticket-sla-tracking.md): the due and warning instants
/// of both clocks as of the last transition, the outcome fixed at the response and at the resolution, and one marker per
/// clock for the warning and the escalation, so each notice goes out once. Written only by <see cref="TicketSlaTracker"/> and
/// the SLA job; the clocks themselves stay derived from the history (ADR 0011).
/// </summary>
public sealed partial class Ticket
{
    /// <summary>The priority the stored SLA state was computed for; a triage to another priority starts new markers.</summary>
    public TicketPriority? SlaPriority { get; private set; }

    /// <summary>When the response target is reached, as of the last transition.</summary>
    public DateTimeOffset? ResponseDueAt { get; private set; }

    /// <summary>When the response clock passes the warning share of its target.</summary>
    public DateTimeOffset? ResponseWarnAt { get; private set; }

    /// <summary>When the resolution target is reached if nothing pauses the clock; null while paused (waiting for the OPD) or stopped.</summary>
    public DateTimeOffset? ResolutionDueAt { get; private set; }

    /// <summary>When the resolution clock passes the warning share; null while paused or stopped.</summary>
    public DateTimeOffset? ResolutionWarnAt { get; private set; }

    /// <summary>Responded within target: fixed at the first assignment; null before it.</summary>
    public bool? ResponseMet { get; private set; }

    /// <summary>Resolved within target: fixed at the resolution; null while open (again).</summary>
    public bool? ResolutionMet { get; private set; }

    /// <summary>Business time the customer clock counted up to the resolution (the SLA's time to resolve); null while open.</summary>
    public TimeSpan? ResolutionBusinessTime { get; private set; }

    public DateTimeOffset? ResponseWarnedAt { get; private set; }

    public DateTimeOffset? ResponseEscalatedAt { get; private set; }

    public DateTimeOffset? ResolutionWarnedAt { get; private set; }

    public DateTimeOffset? ResolutionEscalatedAt { get; private set; }

    /// <summary>Stores a fresh reading of the clocks. A new priority clears the warning and escalation markers: a new target is a new breach.</summary>
    internal void TrackSla(TicketSlaReading reading)
    {
        if (SlaPriority != Priority)
        {
            SlaPriority = Priority;
            ResponseWarnedAt = ResponseEscalatedAt = ResolutionWarnedAt = ResolutionEscalatedAt = null;
        }

        ResponseDueAt = reading.Response.DueAt;
        ResponseWarnAt = reading.Response.WarnAt;
        ResponseMet = FirstResponseAt is null ? null : reading.Response.State == SlaState.Met;
        var stopped = Status is TicketStatus.Resolved or TicketStatus.Closed;
        ResolutionDueAt = stopped ? null : reading.Resolution.DueAt;
        ResolutionWarnAt = stopped ? null : reading.Resolution.WarnAt;
        ResolutionMet = stopped ? reading.Resolution.State == SlaState.Met : null;
        ResolutionBusinessTime = stopped ? reading.Resolution.Elapsed : null;
    }

    /// <summary>The warning of <paramref name="clock"/> went out.</summary>
    internal void MarkSlaWarned(SlaClockKind clock, DateTimeOffset now)
    {
        if (clock == SlaClockKind.Response)
        {
            ResponseWarnedAt ??= now;
        }
        else
        {
            ResolutionWarnedAt ??= now;
        }
    }

    /// <summary>The breach of <paramref name="clock"/> was escalated; no warning follows a breach.</summary>
    internal void MarkSlaEscalated(SlaClockKind clock, DateTimeOffset now)
    {
        MarkSlaWarned(clock, now);
        if (clock == SlaClockKind.Response)
        {
            ResponseEscalatedAt ??= now;
        }
        else
        {
            ResolutionEscalatedAt ??= now;
        }
    }
}
