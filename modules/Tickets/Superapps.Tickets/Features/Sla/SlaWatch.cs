using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Superapps.Notifications.Contracts;
using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Domain.Sla;
using Superapps.Tickets.Features.Desk;

namespace Superapps.Tickets.Features.Sla;

/// <summary>What one pass of the SLA job did.</summary>
public sealed record SlaRun(int Warned, int Escalated, int AutoClosed, bool NoNotifier = false);

/// <summary>
/// One pass of the SLA job (docs/adr/0012-ticket-sla-tracking.md): warns the assignee (or the helpdesk lead when nobody is
/// assigned) when a clock passes <see cref="TicketsOptions.WarningPercent"/> of its target, escalates a breach to the helpdesk
/// lead and the head of Diskominfo, and closes tickets resolved <see cref="TicketsOptions.AutoCloseAfterDays"/> ago through
/// <see cref="TicketDesk.AutoCloseAsync"/>, telling the reporter. Each warning and escalation is marked on the ticket, audited and
/// sent once: a marked ticket drops out of the query, and notice keys let the notifier deduplicate a pass that failed between
/// notifying and saving.
/// </summary>
public sealed partial class SlaWatch(
    TicketsDbContext db,
    SlaTracking tracking,
    SlaRecipients recipients,
    TicketDesk desk,
    IAuditTrail audit,
    TimeProvider clock,
    IOptions<TicketsOptions> options,
    IServiceProvider services,
    ILogger<SlaWatch> logger)
{
    /// <summary>Tickets handled per query.</summary>
    public const int BatchSize = 100;

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public async Task<SlaRun> RunAsync(CancellationToken cancellationToken = default)
    {
        var notifier = services.GetService<INotifier>();
        if (notifier is null)
        {
            LogNoNotifier(logger);
            return new SlaRun(0, 0, 0, NoNotifier: true);
        }

        var (warned, escalated) = await WatchClocksAsync(notifier, cancellationToken);
        var closed = await AutoCloseAsync(notifier, cancellationToken);
        return new SlaRun(warned, escalated, closed);
    }

    private async Task<(int Warned, int Escalated)> WatchClocksAsync(INotifier notifier, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var skipped = new HashSet<Guid>();
        int warned = 0, escalated = 0;
        while (true)
        {
            var skip = skipped.ToList();
            var batch = await db.Tickets.Include(t => t.Events)
                .Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed && !skip.Contains(t.Id))
                .Where(t => (t.FirstResponseAt == null
                        && ((t.ResponseWarnAt <= now && t.ResponseWarnedAt == null) || (t.ResponseDueAt <= now && t.ResponseEscalatedAt == null)))
                    || (t.ResolutionWarnAt <= now && t.ResolutionWarnedAt == null)
                    || (t.ResolutionDueAt <= now && t.ResolutionEscalatedAt == null))
                .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
                .Take(BatchSize)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var ticket in batch)
            {
                // Whatever happens, this pass does not look at the ticket again: its stored due times are recomputed below.
                skipped.Add(ticket.Id);
                try
                {
                    var (w, e) = await StepAsync(notifier, ticket, now, cancellationToken);
                    warned += w;
                    escalated += e;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogStepFailed(logger, ticket.Number, ex);
                }

                db.ChangeTracker.Clear();
            }
        }

        return (warned, escalated);
    }

    /// <summary>One ticket: re-reads its clocks (the calendar may have changed since), then warns or escalates each clock that is due.</summary>
    private async Task<(int Warned, int Escalated)> StepAsync(INotifier notifier, Ticket ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reading = await tracking.RefreshAsync(ticket, now, cancellationToken);
        var steps = new List<(SlaClockKind Clock, bool Breach, SlaClockReading Reading)>();
        if (ticket.FirstResponseAt is null)
        {
            Due(SlaClockKind.Response, reading.Response, ticket.ResponseWarnedAt, ticket.ResponseEscalatedAt, steps);
        }

        Due(SlaClockKind.Resolution, reading.Resolution, ticket.ResolutionWarnedAt, ticket.ResolutionEscalatedAt, steps);
        foreach (var (kind, breach, clockReading) in steps)
        {
            if (breach)
            {
                await EscalateAsync(notifier, ticket, kind, clockReading, cancellationToken);
                ticket.MarkSlaEscalated(kind, now);
            }
            else
            {
                await WarnAsync(notifier, ticket, kind, clockReading, cancellationToken);
                ticket.MarkSlaWarned(kind, now);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone changed the ticket meanwhile; the next pass looks again (the notices are not repeated: same keys).
            return (0, 0);
        }

        foreach (var (kind, breach, clockReading) in steps)
        {
            var action = breach ? "ticket.sla-escalated" : "ticket.sla-warned";
            var summary = breach
                ? $"Tiket {ticket.Number}: target {ClockName(kind).Indonesian} {ticket.Priority} terlampaui sejak {Wib.FormatDateTime(clockReading.DueAt ?? now)}; dieskalasi"
                : $"Tiket {ticket.Number}: {options.Value.WarningPercent}% target {ClockName(kind).Indonesian} {ticket.Priority} terpakai; peringatan dikirim";
            await audit.RecordAsync(new AuditEvent(TicketsDbContext.Schema, action, nameof(Ticket), ticket.Id.ToString(), summary,
                new { ticket.Number, clock = kind, ticket.Priority, dueAt = clockReading.DueAt, elapsed = clockReading.Elapsed, target = clockReading.Target }),
                cancellationToken);
        }

        return (steps.Count(s => !s.Breach), steps.Count(s => s.Breach));
    }

    private static void Due(SlaClockKind kind, SlaClockReading reading, DateTimeOffset? warnedAt, DateTimeOffset? escalatedAt,
        List<(SlaClockKind, bool, SlaClockReading)> steps)
    {
        if (reading.State == SlaState.Breached && escalatedAt is null)
        {
            steps.Add((kind, true, reading));
        }
        else if (reading.State == SlaState.Warning && warnedAt is null)
        {
            steps.Add((kind, false, reading));
        }
    }

    private async Task WarnAsync(INotifier notifier, Ticket ticket, SlaClockKind kind, SlaClockReading reading, CancellationToken cancellationToken)
    {
        var to = Employee(ticket.AssigneeUserId) is { } assignee ? [assignee] : await recipients.LeadsAsync(cancellationToken);
        if (to.Count == 0)
        {
            LogNobodyToTell(logger, ticket.Number);
            return;
        }

        var due = reading.DueAt is { } d ? d : clock.GetUtcNow();
        var name = ClockName(kind);
        await notifier.NotifyAsync(new Notice(to, NoticeTopic.Ticket, Key(ticket, kind, "warning"),
            new BilingualText($"SLA {name.Indonesian} tiket {ticket.Number} jatuh tempo {Wib.FormatDateTime(due)}",
                $"The {name.English} SLA of ticket {ticket.Number} is due {Wib.FormatDateTime(due, English)}"),
            Body(ticket), Link(ticket)), cancellationToken);
    }

    private async Task EscalateAsync(INotifier notifier, Ticket ticket, SlaClockKind kind, SlaClockReading reading, CancellationToken cancellationToken)
    {
        var to = (await recipients.LeadsAsync(cancellationToken)).Concat(await recipients.HeadsAsync(cancellationToken)).ToList();
        if (Employee(ticket.AssigneeUserId) is { } assignee)
        {
            to.Add(assignee);
        }

        to = [.. to.Distinct()];
        if (to.Count == 0)
        {
            LogNobodyToTell(logger, ticket.Number);
            return;
        }

        var due = reading.DueAt ?? clock.GetUtcNow();
        var name = ClockName(kind);
        await notifier.NotifyAsync(new Notice(to, NoticeTopic.Ticket, Key(ticket, kind, "breach"),
            new BilingualText($"Eskalasi: SLA {name.Indonesian} tiket {ticket.Number} ({ticket.Priority}) terlampaui sejak {Wib.FormatDateTime(due)}",
                $"Escalation: the {name.English} SLA of ticket {ticket.Number} ({ticket.Priority}) was breached at {Wib.FormatDateTime(due, English)}"),
            Body(ticket), Link(ticket)), cancellationToken);
    }

    private async Task<int> AutoCloseAsync(INotifier notifier, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.AutoCloseAfter;
        var skipped = new HashSet<Guid>();
        var closed = 0;
        while (true)
        {
            var skip = skipped.ToList();
            var due = await db.Tickets.AsNoTracking()
                .Where(t => t.Status == TicketStatus.Resolved && t.ResolvedAt <= cutoff && !skip.Contains(t.Id))
                .OrderBy(t => t.ResolvedAt).ThenBy(t => t.Id)
                .Select(t => new { t.Id, t.Number, t.ReporterUserId, t.ResolvedAt, t.SiteName })
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return closed;
            }

            foreach (var ticket in due)
            {
                skipped.Add(ticket.Id);
                try
                {
                    await desk.AutoCloseAsync(ticket.Id, cancellationToken);
                }
                catch (DomainRuleException ex)
                {
                    // Confirmed, reopened or changed meanwhile: nothing to close.
                    LogNotClosed(logger, ticket.Number, ex.Message);
                    db.ChangeTracker.Clear();
                    continue;
                }

                closed++;
                db.ChangeTracker.Clear();
                if (Employee(ticket.ReporterUserId) is { } reporter)
                {
                    await notifier.NotifyAsync(new Notice([reporter], NoticeTopic.Ticket,
                        $"tickets.ticket:{ticket.Id}:auto-closed:{ticket.ResolvedAt!.Value.ToUnixTimeSeconds()}",
                        new BilingualText($"Tiket {ticket.Number} ditutup otomatis", $"Ticket {ticket.Number} was closed automatically"),
                        new BilingualText(
                            $"Tiket untuk {ticket.SiteName} selesai dikerjakan dan tidak dikonfirmasi dalam {options.Value.AutoCloseAfterDays} hari. Jika gangguan masih terjadi, Anda dapat membukanya kembali.",
                            $"The ticket for {ticket.SiteName} was resolved and not confirmed within {options.Value.AutoCloseAfterDays} days. If the fault persists, you may reopen it."),
                        $"/tiket/{ticket.Number}"), cancellationToken);
                }
            }
        }
    }

    /// <summary>One key per ticket, clock, step and priority: a triage to another priority is a new target with notices of its own.</summary>
    internal static string Key(Ticket ticket, SlaClockKind kind, string step) =>
        $"tickets.ticket:{ticket.Id}:{kind.ToString().ToLowerInvariant()}-{step}:{ticket.Priority}";

    internal static BilingualText ClockName(SlaClockKind kind) =>
        kind == SlaClockKind.Response ? new("respons", "response") : new("penyelesaian", "resolution");

    private static BilingualText Body(Ticket ticket) => new(
        $"{TicketText.Of(ticket.Category).Indonesian} di {ticket.SiteName} ({ticket.AgencyName}), status {TicketText.Of(ticket.Status).Indonesian}.",
        $"{TicketText.Of(ticket.Category).English} at {ticket.SiteName} ({ticket.AgencyName}), status {TicketText.Of(ticket.Status).English}.");

    private static string Link(Ticket ticket) => $"/tiket/{ticket.Number}";

    /// <summary>Tickets store employee ids as user ids (TicketPrincipal); anything else (a team, the system) is nobody to notify.</summary>
    private static Guid? Employee(string? userId) => Guid.TryParse(userId, out var id) ? id : null;

    [LoggerMessage(Level = LogLevel.Error, Message = "The SLA step of ticket {Number} failed; the next run tries again.")]
    private static partial void LogStepFailed(ILogger logger, string number, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Nobody to tell about the SLA of ticket {Number}: check Superapps:Tickets:Escalation against the organisation chart.")]
    private static partial void LogNobodyToTell(ILogger logger, string number);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {Number} was not closed automatically: {Reason}")]
    private static partial void LogNotClosed(ILogger logger, string number, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No notifier is registered (the Notifications module); SLA warnings, escalations and automatic closes wait until one is.")]
    private static partial void LogNoNotifier(ILogger logger);
}
