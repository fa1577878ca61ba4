using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Features.Access;
using Superapps.Tickets.Features.Desk;

namespace Superapps.Tickets.Features.View;

/// <summary>What the ticket page asks for: a move and what the user typed or chose for it.</summary>
public sealed record TicketCommand(
    TicketMove Move,
    string? Note = null,
    TicketImpact? Impact = null,
    TicketUrgency? Urgency = null,
    string? AssigneeUserId = null,
    string? AssigneeName = null,
    string? Team = null);

/// <summary>
/// Runs a <see cref="TicketCommand"/> through <see cref="TicketDesk"/> in the capacity it needs: confirming, reopening and (for
/// someone outside the helpdesk) resuming a wait for the OPD and commenting as the ticket's reporter; everything else in the
/// user's helpdesk capacity. The domain decides; a refusal throws <see cref="DomainRuleException"/> (409 on an endpoint).
/// </summary>
public static class TicketCommands
{
    public static Task RunAsync(TicketDesk desk, TicketPrincipal user, Guid ticketId, TicketCommand command, CancellationToken cancellationToken = default)
    {
        var helpdesk = user.AsHelpdesk();
        TicketActor Helpdesk(TicketAction action) => helpdesk ?? throw new DomainRuleException(TicketErrors.RoleNotAllowed(action, TicketRole.Reporter));
        return command.Move switch
        {
            TicketMove.Triage => desk.TriageAsync(ticketId, Helpdesk(TicketAction.Triage),
                command.Impact ?? throw Missing(), command.Urgency ?? throw Missing(), cancellationToken),
            TicketMove.Assign => desk.AssignAsync(ticketId, Helpdesk(TicketAction.Assign), command.AssigneeUserId, command.AssigneeName, command.Team, cancellationToken),
            TicketMove.Take => desk.TakeAsync(ticketId, Helpdesk(TicketAction.Assign), cancellationToken),
            TicketMove.Start => desk.StartAsync(ticketId, Helpdesk(TicketAction.Start), cancellationToken),
            TicketMove.WaitForOpd => desk.WaitForOpdAsync(ticketId, Helpdesk(TicketAction.WaitForOpd), command.Note, cancellationToken),
            TicketMove.WaitForVendor => desk.WaitForVendorAsync(ticketId, Helpdesk(TicketAction.WaitForVendor), command.Note, cancellationToken),
            TicketMove.Resume => desk.ResumeAsync(ticketId, helpdesk ?? user.AsReporter(), command.Note, cancellationToken),
            TicketMove.Resolve => desk.ResolveAsync(ticketId, Helpdesk(TicketAction.Resolve), command.Note, cancellationToken),
            TicketMove.Confirm => desk.ConfirmAsync(ticketId, user.AsReporter(), cancellationToken),
            TicketMove.Reopen => desk.ReopenAsync(ticketId, user.AsReporter(), command.Note, cancellationToken),
            TicketMove.CommentInternal => desk.CommentAsync(ticketId, helpdesk ?? user.AsReporter(), command.Note, isInternal: true, cancellationToken),
            _ => desk.CommentAsync(ticketId, helpdesk ?? user.AsReporter(), command.Note, isInternal: false, cancellationToken),
        };
    }

    private static DomainRuleException Missing() => new(TicketErrors.TriageChoice);
}
