using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Domain.Sla;
using Superapps.Tickets.Features.Access;
using Superapps.Tickets.Features.Calendar;

namespace Superapps.Tickets.Features.View;

/// <summary>What someone can do on the ticket page; each goes through <see cref="Desk.TicketDesk"/>.</summary>
public enum TicketMove
{
    Triage,
    Assign,
    Take,
    Start,
    WaitForOpd,
    WaitForVendor,
    Resume,
    Resolve,
    Confirm,
    Reopen,
    CommentVisible,
    CommentInternal,
}

/// <summary>One line of the history as the viewer may see it.</summary>
public sealed record TicketHistoryLine(long Id, DateTimeOffset At, TicketAction Action, TicketStatus From, TicketStatus To, string ActorName, TicketRole ActorRole, string? Note);

public sealed record TicketCommentLine(Guid Id, DateTimeOffset At, string AuthorName, TicketRole AuthorRole, string Text, bool IsInternal);

public sealed record TicketAttachmentLine(Guid Id, string FileName, string ContentType, long SizeBytes, bool IsInternal, DateTimeOffset At, string UploadedByName);

/// <summary>A ticket as one viewer may see it: the reporter without internal comments, attachments and triage lines; the helpdesk everything.</summary>
public sealed record TicketView(
    Guid Id,
    string Number,
    TicketStatus Status,
    TicketPriority Priority,
    TicketImpact Impact,
    TicketUrgency Urgency,
    TicketCategory Category,
    string SiteName,
    string AgencyName,
    string Description,
    string ReporterUserId,
    string ReporterName,
    string? AssigneeUserId,
    string? AssigneeName,
    string? Team,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    bool ViewerIsReporter,
    bool ViewerIsHelpdesk,
    TicketSlaReading Sla,
    TimeSpan PausedTime,
    IReadOnlyList<TicketHistoryLine> History,
    IReadOnlyList<TicketCommentLine> Comments,
    IReadOnlyList<TicketAttachmentLine> Attachments,
    IReadOnlySet<TicketMove> Moves);

/// <summary>
/// Opens a ticket for the ticket page: its reporter and the helpdesk (technicians, the lead) see it; anyone else gets
/// <see cref="TicketErrors.NotFoundOrNotAllowed"/> and nothing of it. Reads through a context of its own, so a live reload
/// may run while the page's circuit does something else.
/// </summary>
public sealed class TicketViews(IServiceScopeFactory scopes, TimeProvider clock, IOptions<TicketsOptions> options)
{
    public async Task<TicketView> OpenAsync(TicketPrincipal viewer, string number, CancellationToken cancellationToken = default)
    {
        number = (number ?? string.Empty).Trim().ToUpperInvariant();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        var ticket = await db.Tickets.AsNoTracking().Include(t => t.Events).Include(t => t.Comments).Include(t => t.Attachments)
            .AsSplitQuery().FirstOrDefaultAsync(t => t.Number == number, cancellationToken);
        var isReporter = ticket is not null && ticket.ReporterUserId == viewer.UserId;
        if (ticket is null || !(isReporter || viewer.IsHelpdesk))
        {
            throw new DomainRuleException(TicketErrors.NotFoundOrNotAllowed);
        }

        var helpdesk = viewer.IsHelpdesk;
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var businessClock = await scope.ServiceProvider.GetRequiredService<TicketCalendar>().ClockAsync(cancellationToken);
        var sla = TicketSla.Evaluate(ticket.Timeline, ticket.FirstResponseAt, ticket.Priority, settings.Policy(), businessClock, now);
        return new TicketView(ticket.Id, ticket.Number, ticket.Status, ticket.Priority, ticket.Impact, ticket.Urgency, ticket.Category, ticket.SiteName,
            ticket.AgencyName, ticket.Description, ticket.ReporterUserId, ticket.ReporterName, ticket.AssigneeUserId, ticket.AssigneeName, ticket.AssignedTeam,
            ticket.CreatedAt, ticket.UpdatedAt, ticket.ResolvedAt, ticket.ClosedAt, isReporter, helpdesk, sla,
            // Business time spent waiting for the OPD: the customer clock's pauses before the resolution.
            TicketSla.Intervals(ticket.Timeline).Where(i => i.Status == TicketStatus.WaitingForOpd)
                .Aggregate(TimeSpan.Zero, (sum, i) => sum + businessClock.Between(i.Interval.Start, i.Interval.EndOr(now))),
            [.. ticket.Events.Where(e => helpdesk || e.Action != TicketAction.Triage).OrderBy(e => e.At).ThenBy(e => e.Id)
                .Select(e => new TicketHistoryLine(e.Id, e.At, e.Action, e.FromStatus, e.ToStatus, e.ActorName, e.ActorRole, e.Note))],
            [.. ticket.Comments.Where(c => helpdesk || !c.IsInternal).OrderBy(c => c.At)
                .Select(c => new TicketCommentLine(c.Id, c.At, c.AuthorName, c.AuthorRole, c.Text, c.IsInternal))],
            [.. ticket.Attachments.Where(a => helpdesk || !a.IsInternal).OrderBy(a => a.At)
                .Select(a => new TicketAttachmentLine(a.Id, a.FileName, a.ContentType, a.SizeBytes, a.IsInternal, a.At, a.UploadedByName))],
            MovesFor(ticket.Status, ticket.AssigneeUserId, ticket.ResolvedAt, viewer, isReporter, settings.ReopenWindow, now));
    }

    /// <summary>The moves the state machine allows this viewer now (<see cref="Ticket"/>): the buttons the page shows.</summary>
    public static IReadOnlySet<TicketMove> MovesFor(TicketStatus status, string? assigneeUserId, DateTimeOffset? resolvedAt, TicketPrincipal viewer,
        bool isReporter, TimeSpan reopenWindow, DateTimeOffset now)
    {
        var moves = new HashSet<TicketMove>();
        var open = status is not (TicketStatus.Resolved or TicketStatus.Closed);
        if (viewer.IsHelpdeskLead && open)
        {
            moves.Add(TicketMove.Triage);
        }

        if (viewer.IsHelpdeskLead && status is TicketStatus.New or TicketStatus.Assigned or TicketStatus.InProgress or TicketStatus.Reopened)
        {
            moves.Add(TicketMove.Assign);
        }

        if (viewer.IsHelpdesk && status == TicketStatus.New && assigneeUserId is null)
        {
            moves.Add(TicketMove.Take);
        }

        if (viewer.IsHelpdesk)
        {
            switch (status)
            {
                case TicketStatus.Assigned or TicketStatus.Reopened:
                    moves.Add(TicketMove.Start);
                    break;
                case TicketStatus.InProgress:
                    moves.UnionWith([TicketMove.WaitForOpd, TicketMove.WaitForVendor, TicketMove.Resolve]);
                    break;
                case TicketStatus.WaitingForOpd or TicketStatus.WaitingForVendor:
                    moves.Add(TicketMove.Resume);
                    break;
            }

            moves.UnionWith([TicketMove.CommentVisible, TicketMove.CommentInternal]);
        }

        if (isReporter)
        {
            moves.Add(TicketMove.CommentVisible);
            if (status == TicketStatus.WaitingForOpd)
            {
                moves.Add(TicketMove.Resume);
            }

            if (status == TicketStatus.Resolved)
            {
                moves.Add(TicketMove.Confirm);
            }

            if (status is TicketStatus.Resolved or TicketStatus.Closed && resolvedAt is { } resolved && now <= resolved + reopenWindow)
            {
                moves.Add(TicketMove.Reopen);
            }
        }

        return moves;
    }
}
