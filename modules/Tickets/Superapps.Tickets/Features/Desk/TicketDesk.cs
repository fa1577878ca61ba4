using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Features.Sla;
using Superapps.Tickets.Features.Live;

namespace Superapps.Tickets.Features.Desk;

/// <summary>
/// Every change of a ticket after its report: loads it, applies one domain transition, saves it under optimistic concurrency and
/// audits it. A refused transition throws <see cref="DomainRuleException"/> (code <see cref="TicketErrors.TransitionCode"/>: the web
/// layer answers 409) and nothing is saved. Pages, endpoints and jobs all come through here.
/// </summary>
public sealed class TicketDesk(TicketsDbContext db, IAuditTrail audit, TimeProvider clock, IOptions<TicketsOptions> options, SlaTracking sla, TicketChanges changes)
{
    /// <summary>Set while <see cref="ExpectingVersionAsync"/> runs its move.</summary>
    private uint? _expectedVersion;

    public Task TriageAsync(Guid ticketId, TicketActor actor, TicketImpact impact, TicketUrgency urgency, CancellationToken cancellationToken = default) =>
        ChangeAsync(ticketId, actor, "ticket.triaged", (t, now) => t.Triage(actor, impact, urgency, now), cancellationToken);

    public Task AssignAsync(Guid ticketId, TicketActor actor, string? assigneeUserId, string? assigneeName, string? team, CancellationToken cancellationToken = default) =>
        ChangeAsync(ticketId, actor, "ticket.assigned", (t, now) => t.Assign(actor, assigneeUserId, assigneeName, team, now), cancellationToken);

    /// <summary>A technician takes a new, unassigned ticket for themself (<see cref="Ticket.Take"/>).</summary>
    public Task TakeAsync(Guid ticketId, TicketActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(ticketId, actor, "ticket.taken", (t, now) => t.Take(actor, now), cancellationToken);

    public Task StartAsync(Guid ticketId, TicketActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(ticketId, actor, "ticket.started", (t, now) => t.Start(actor, now), cancellationToken);

    public Task WaitForOpdAsync(Guid ticketId, TicketActor actor, string? note, CancellationToken cancellationToken = default) =>
        ChangeAsync(ticketId, actor, "ticket.waiting-for-opd", (t, now) => t.WaitForOpd(actor, note, now), cancellationToken);

    public Task WaitForVendorAsync(Guid ticketId, TicketActor actor, string? note, CancellationToken cancellationToken = default) =>
        ChangeAsync(ticketId, actor, "ticket.waiting-for-vendor", (t, now) => t.WaitForVendor(actor, note, now), cancellationToken);

    public Task ResumeAsync(Guid ticketId, TicketActor actor, string? note, CancellationToken cancellationToken = default) =>
        ChangeAsync(ticketId, actor, "ticket.resumed", (t, now) => t.Resume(actor, note, now), cancellationToken);

    public Task ResolveAsync(Guid ticketId, TicketActor actor, string? note, CancellationToken cancellationToken = default) =>
        ChangeAsync(ticketId, actor, "ticket.resolved", (t, now) => t.Resolve(actor, note, now), cancellationToken);

    public Task ConfirmAsync(Guid ticketId, TicketActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(ticketId, actor, "ticket.confirmed", (t, now) => t.Confirm(actor, now), cancellationToken);

    public Task ReopenAsync(Guid ticketId, TicketActor actor, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(ticketId, actor, "ticket.reopened", (t, now) => t.Reopen(actor, reason, options.Value.ReopenWindow, now), cancellationToken);

    public Task AutoCloseAsync(Guid ticketId, CancellationToken cancellationToken = default) =>
        ChangeAsync(ticketId, TicketActor.System, "ticket.auto-closed", (t, now) => t.AutoClose(TicketActor.System, options.Value.AutoCloseAfter, now), cancellationToken);

    public Task CommentAsync(Guid ticketId, TicketActor actor, string? text, bool isInternal, CancellationToken cancellationToken = default) =>
        ChangeAsync(ticketId, actor, "ticket.commented", (t, now) => t.AddComment(actor, text, isInternal, now), cancellationToken);

    /// <summary>
    /// Runs one move of this desk (<paramref name="move"/>) only while the ticket is still at <paramref name="expectedVersion"/>, the
    /// version its caller read (an HTTP client's optimistic concurrency); otherwise <see cref="TicketErrors.ChangedMeanwhile"/>.
    /// </summary>
    public async Task ExpectingVersionAsync(uint expectedVersion, Func<TicketDesk, Task> move)
    {
        _expectedVersion = expectedVersion;
        try
        {
            await move(this);
        }
        finally
        {
            _expectedVersion = null;
        }
    }

    private async Task ChangeAsync(Guid ticketId, TicketActor actor, string auditAction, Action<Ticket, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        // A desk may live as long as a page's circuit: start from what is saved now, not from a ticket tracked earlier.
        db.ChangeTracker.Clear();
        var ticket = await db.Tickets.Include(t => t.Events).FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken)
            ?? throw new DomainRuleException(TicketErrors.NotFound);
        // Saved under the version loaded (xmin), so a change after this check is refused by the save as well.
        if (_expectedVersion is { } expected && ticket.Version != expected)
        {
            throw new DomainRuleException(TicketErrors.ChangedMeanwhile);
        }

        var before = ticket.Status;
        var now = clock.GetUtcNow();
        change(ticket, now);
        await sla.RefreshAsync(ticket, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new DomainRuleException(TicketErrors.ChangedMeanwhile);
        }

        await audit.RecordAsync(new AuditEvent(TicketsDbContext.Schema, auditAction, nameof(Ticket), ticket.Id.ToString(),
            $"Tiket {ticket.Number}: {TicketText.Of(before).Indonesian} → {TicketText.Of(ticket.Status).Indonesian} oleh {actor.Name}",
            new { ticket.Number, from = before, to = ticket.Status, actor = actor.UserId, role = actor.Role, ticket.Priority }), cancellationToken);
        await changes.PublishAsync(ticket.Id);
    }
}
