using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain.Sla;

namespace Superapps.Tickets.Domain;

/// <summary>
/// An ICT infrastructure complaint from report to close (docs/adr/0006-state-machines-and-quartz.md). Each transition is one
/// method that checks the status and who acts, and throws a <see cref="DomainRuleException"/> with code
/// <see cref="TicketErrors.TransitionCode"/> otherwise (the web layer answers 409 with its bilingual reason), changing nothing.
/// <code>
/// New ──assign──▶ Assigned ──start──▶ InProgress ──resolve──▶ Resolved ──confirm / auto-close──▶ Closed
///                   ▲  ▲                │   ▲                     │                                │
///  reassign ────────┘  │    wait for OPD│   │resume               └──reopen (reporter, window)◀────┘
///                      │     or vendor  ▼   │                               │
///                      │          WaitingForOpd / WaitingForVendor          ▼
///                      └──────────────────assign──────────────────────── Reopened ──start──▶ InProgress
/// </code>
/// The history (<see cref="Events"/>) is the source of the SLA clocks: <see cref="Timeline"/>.
/// </summary>
public sealed partial class Ticket
{
    public const int MaxTextLength = 4000;

    private readonly List<TicketEvent> _events = [];
    private readonly List<TicketComment> _comments = [];
    private readonly List<TicketAttachment> _attachments = [];

    private Ticket()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Human-readable and unique, e.g. <c>TIK-2026-000123</c> (<see cref="TicketNumber"/>).</summary>
    public string Number { get; private set; } = string.Empty;

    public int Year { get; private set; }

    public int Sequence { get; private set; }

    public Guid SiteId { get; private set; }

    public string SiteName { get; private set; } = string.Empty;

    public Guid AgencyId { get; private set; }

    public string AgencyName { get; private set; } = string.Empty;

    public Guid NetworkNodeId { get; private set; }

    public TicketCategory Category { get; private set; }

    public string Description { get; private set; } = string.Empty;

    public TicketImpact Impact { get; private set; }

    public TicketUrgency Urgency { get; private set; }

    public TicketPriority Priority { get; private set; }

    public TicketStatus Status { get; private set; }

    public string ReporterUserId { get; private set; } = string.Empty;

    public string ReporterName { get; private set; } = string.Empty;

    public string? AssigneeUserId { get; private set; }

    public string? AssigneeName { get; private set; }

    /// <summary>The team assigned, e.g. "Tim Jaringan"; with or without a named technician.</summary>
    public string? AssignedTeam { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the helpdesk first took it (the first assignment): the end of the response clock.</summary>
    public DateTimeOffset? FirstResponseAt { get; private set; }

    /// <summary>The last resolution.</summary>
    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public int ReopenCount { get; private set; }

    /// <summary>The parent incident grouping this ticket with others behind the same failed node; null when on its own.</summary>
    public Guid? IncidentId { get; private set; }

    /// <summary>Optimistic concurrency (PostgreSQL <c>xmin</c>).</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<TicketEvent> Events => _events;

    public IReadOnlyList<TicketComment> Comments => _comments;

    public IReadOnlyList<TicketAttachment> Attachments => _attachments;

    /// <summary>Every status the ticket entered and when, oldest first: what the SLA clocks read.</summary>
    public IReadOnlyList<StatusChange> Timeline =>
        [.. _events.Where(e => e.Action == TicketAction.Report || e.FromStatus != e.ToStatus).OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new StatusChange(e.At, e.ToStatus))];

    public bool IsOpen => Status is not (TicketStatus.Resolved or TicketStatus.Closed);

    /// <summary>A new ticket, numbered, with the priority the category suggests until the helpdesk triages it.</summary>
    public static Ticket Report(Guid id, TicketNumber number, TicketSite site, TicketCategory category, string description, TicketActor reporter, DateTimeOffset now)
    {
        if (reporter.Role != TicketRole.Reporter)
        {
            throw new DomainRuleException(TicketErrors.RoleNotAllowed(TicketAction.Report, reporter.Role));
        }

        description = description?.Trim() ?? string.Empty;
        if (description.Length is 0 or > MaxTextLength)
        {
            throw new DomainRuleException(TicketErrors.Description);
        }

        var (impact, urgency) = PriorityMatrix.DefaultFor(category);
        var ticket = new Ticket
        {
            Id = id,
            Number = number.Text,
            Year = number.Year,
            Sequence = number.Sequence,
            SiteId = site.SiteId,
            SiteName = site.SiteName,
            AgencyId = site.AgencyId,
            AgencyName = site.AgencyName,
            NetworkNodeId = site.NetworkNodeId,
            Category = category,
            Description = description,
            Impact = impact,
            Urgency = urgency,
            Priority = PriorityMatrix.Of(impact, urgency),
            Status = TicketStatus.New,
            ReporterUserId = reporter.UserId,
            ReporterName = reporter.Name,
            CreatedAt = now,
            UpdatedAt = now,
        };
        ticket._events.Add(new TicketEvent(id, TicketAction.Report, TicketStatus.New, TicketStatus.New, reporter, null, now));
        return ticket;
    }

    /// <summary>The helpdesk sets impact and urgency; the priority follows the matrix. Open tickets only.</summary>
    public void Triage(TicketActor actor, TicketImpact impact, TicketUrgency urgency, DateTimeOffset now)
    {
        Require(TicketAction.Triage, actor, [TicketRole.HelpdeskAgent],
            TicketStatus.New, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.WaitingForOpd, TicketStatus.WaitingForVendor, TicketStatus.Reopened);
        var before = Priority;
        Impact = impact;
        Urgency = urgency;
        Priority = PriorityMatrix.Of(impact, urgency);
        Record(TicketAction.Triage, Status, actor, $"{before} → {Priority}", now);
    }

    /// <summary>The helpdesk gives the ticket to a technician, a team, or both; also a reassignment.</summary>
    public void Assign(TicketActor actor, string? assigneeUserId, string? assigneeName, string? team, DateTimeOffset now)
    {
        Require(TicketAction.Assign, actor, [TicketRole.HelpdeskAgent], TicketStatus.New, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.Reopened);
        assigneeUserId = Clean(assigneeUserId);
        team = Clean(team);
        if (assigneeUserId is null && team is null)
        {
            throw new DomainRuleException(TicketErrors.AssigneeRequired);
        }

        AssigneeUserId = assigneeUserId;
        AssigneeName = assigneeUserId is null ? null : Clean(assigneeName) ?? assigneeUserId;
        AssignedTeam = team;
        FirstResponseAt ??= now;
        Record(TicketAction.Assign, TicketStatus.Assigned, actor, string.Join(" / ", new[] { AssigneeName, team }.Where(s => s is not null)), now);
    }

    /// <summary>
    /// A technician (or the helpdesk lead) takes a new ticket nobody has yet, for themself: the same move as an assignment to
    /// them, so it also ends the response clock. The lead assigns; anyone else of the helpdesk may only take what is free.
    /// </summary>
    public void Take(TicketActor actor, DateTimeOffset now)
    {
        Require(TicketAction.Assign, actor, [TicketRole.Technician, TicketRole.HelpdeskAgent], TicketStatus.New);
        if (AssigneeUserId is not null)
        {
            throw new DomainRuleException(TicketErrors.AlreadyTaken);
        }

        AssigneeUserId = actor.UserId;
        AssigneeName = actor.Name;
        FirstResponseAt ??= now;
        Record(TicketAction.Assign, TicketStatus.Assigned, actor, actor.Name, now);
    }

    public void Start(TicketActor actor, DateTimeOffset now)
    {
        Require(TicketAction.Start, actor, [TicketRole.Technician, TicketRole.HelpdeskAgent], TicketStatus.Assigned, TicketStatus.Reopened);
        Record(TicketAction.Start, TicketStatus.InProgress, actor, null, now);
    }

    /// <summary>Work needs the OPD (access to a room, information): the customer clock pauses. The note says what is needed.</summary>
    public void WaitForOpd(TicketActor actor, string? note, DateTimeOffset now)
    {
        Require(TicketAction.WaitForOpd, actor, [TicketRole.Technician, TicketRole.HelpdeskAgent], TicketStatus.InProgress);
        Record(TicketAction.WaitForOpd, TicketStatus.WaitingForOpd, actor, Note(note, required: true), now);
    }

    /// <summary>Work needs the vendor or ISP: the customer clock keeps running and the vendor clock counts. The note carries the vendor's reference.</summary>
    public void WaitForVendor(TicketActor actor, string? note, DateTimeOffset now)
    {
        Require(TicketAction.WaitForVendor, actor, [TicketRole.Technician, TicketRole.HelpdeskAgent], TicketStatus.InProgress);
        Record(TicketAction.WaitForVendor, TicketStatus.WaitingForVendor, actor, Note(note, required: true), now);
    }

    /// <summary>Work goes on after a wait. The reporter may resume a wait for their OPD (they supplied what was asked).</summary>
    public void Resume(TicketActor actor, string? note, DateTimeOffset now)
    {
        TicketRole[] roles = Status == TicketStatus.WaitingForOpd
            ? [TicketRole.Technician, TicketRole.HelpdeskAgent, TicketRole.Reporter]
            : [TicketRole.Technician, TicketRole.HelpdeskAgent];
        Require(TicketAction.Resume, actor, roles, TicketStatus.WaitingForOpd, TicketStatus.WaitingForVendor);
        Record(TicketAction.Resume, TicketStatus.InProgress, actor, Note(note, required: false), now);
    }

    /// <summary>The fix is done; the note says what was done. The reporter confirms or reopens, or it closes itself.</summary>
    public void Resolve(TicketActor actor, string? note, DateTimeOffset now)
    {
        Require(TicketAction.Resolve, actor, [TicketRole.Technician, TicketRole.HelpdeskAgent], TicketStatus.InProgress);
        ResolvedAt = now;
        Record(TicketAction.Resolve, TicketStatus.Resolved, actor, Note(note, required: true), now);
    }

    /// <summary>The reporter confirms the fix.</summary>
    public void Confirm(TicketActor actor, DateTimeOffset now)
    {
        Require(TicketAction.Confirm, actor, [TicketRole.Reporter], TicketStatus.Resolved);
        ClosedAt = now;
        Record(TicketAction.Confirm, TicketStatus.Closed, actor, null, now);
    }

    /// <summary>The reporter reopens a resolved or closed ticket, with a reason, within <paramref name="window"/> of its resolution.</summary>
    public void Reopen(TicketActor actor, string? reason, TimeSpan window, DateTimeOffset now)
    {
        Require(TicketAction.Reopen, actor, [TicketRole.Reporter], TicketStatus.Resolved, TicketStatus.Closed);
        if (ResolvedAt is not { } resolved || now > resolved + window)
        {
            throw new DomainRuleException(TicketErrors.ReopenWindowPassed);
        }

        var note = Note(reason, required: true);
        ReopenCount++;
        ClosedAt = null;
        Record(TicketAction.Reopen, TicketStatus.Reopened, actor, note, now);
    }

    /// <summary>The scheduler closes a ticket resolved at least <paramref name="after"/> ago that nobody confirmed or reopened.</summary>
    public void AutoClose(TicketActor actor, TimeSpan after, DateTimeOffset now)
    {
        Require(TicketAction.AutoClose, actor, [TicketRole.System], TicketStatus.Resolved);
        if (ResolvedAt is not { } resolved || now < resolved + after)
        {
            throw new DomainRuleException(TicketErrors.AutoCloseNotDue);
        }

        ClosedAt = now;
        Record(TicketAction.AutoClose, TicketStatus.Closed, actor, null, now);
    }

    /// <summary>
    /// Puts an open ticket under a parent incident (<see cref="Incidents.Incident"/>): the helpdesk groups it, or its own reporter joins
    /// an open incident while reporting (the ticket is still new). A ticket belongs to one incident at a time; linking it again to
    /// the same incident changes nothing.
    /// </summary>
    public void LinkToIncident(Guid incidentId, TicketActor actor, DateTimeOffset now)
    {
        if (IncidentId == incidentId)
        {
            return;
        }

        TicketRole[] roles = Status == TicketStatus.New
            ? [TicketRole.HelpdeskAgent, TicketRole.Technician, TicketRole.Reporter]
            : [TicketRole.HelpdeskAgent, TicketRole.Technician];
        Require(TicketAction.IncidentLink, actor, roles,
            TicketStatus.New, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.WaitingForOpd, TicketStatus.WaitingForVendor, TicketStatus.Reopened);
        if (IncidentId is not null)
        {
            throw new DomainRuleException(TicketErrors.AlreadyInIncident);
        }

        IncidentId = incidentId;
        Record(TicketAction.IncidentLink, Status, actor, null, now);
    }

    /// <summary>Takes the ticket out of its incident (grouped by mistake); the helpdesk only. Its status is unchanged.</summary>
    public void UnlinkFromIncident(TicketActor actor, DateTimeOffset now)
    {
        if (actor.Role is not (TicketRole.HelpdeskAgent or TicketRole.Technician))
        {
            throw new DomainRuleException(TicketErrors.RoleNotAllowed(TicketAction.IncidentUnlink, actor.Role));
        }

        if (IncidentId is null)
        {
            throw new DomainRuleException(TicketErrors.NotInIncident);
        }

        IncidentId = null;
        Record(TicketAction.IncidentUnlink, Status, actor, null, now);
    }

    /// <summary>
    /// The parent incident was resolved: an open child is resolved with the parent's note whatever its working status (new,
    /// assigned, in progress, waiting for the OPD or the vendor, reopened), by the helpdesk. The first response is taken as given
    /// if nobody had assigned it. The reporter confirms or reopens it as any resolved ticket.
    /// </summary>
    public void ResolveFromIncident(Guid incidentId, TicketActor actor, string? note, DateTimeOffset now)
    {
        if (IncidentId != incidentId)
        {
            throw new DomainRuleException(TicketErrors.NotInIncident);
        }

        Require(TicketAction.Resolve, actor, [TicketRole.HelpdeskAgent, TicketRole.Technician],
            TicketStatus.New, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.WaitingForOpd, TicketStatus.WaitingForVendor, TicketStatus.Reopened);
        var text = Note(note, required: true);
        FirstResponseAt ??= now;
        ResolvedAt = now;
        Record(TicketAction.Resolve, TicketStatus.Resolved, actor, text, now);
    }

    /// <summary>A comment: the reporter writes visible ones only; the helpdesk and technicians choose.</summary>
    public TicketComment AddComment(TicketActor actor, string? text, bool isInternal, DateTimeOffset now)
    {
        RequireCommenter(actor, isInternal);
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxTextLength)
        {
            throw new DomainRuleException(TicketErrors.CommentText);
        }

        var comment = new TicketComment(Guid.NewGuid(), Id, actor, text, isInternal, now);
        _comments.Add(comment);
        UpdatedAt = now;
        return comment;
    }

    /// <summary>Records an uploaded file (the upload itself stores the bytes under <paramref name="storageKey"/>).</summary>
    public TicketAttachment AddAttachment(TicketActor actor, string fileName, string contentType, long sizeBytes, string storageKey, bool isInternal, DateTimeOffset now)
    {
        RequireCommenter(actor, isInternal);
        fileName = Path.GetFileName(fileName?.Trim() ?? string.Empty);
        if (fileName.Length is 0 or > 255 || string.IsNullOrWhiteSpace(contentType) || contentType.Length > 100
            || sizeBytes is <= 0 or > TicketAttachment.MaxBytes || string.IsNullOrWhiteSpace(storageKey) || storageKey.Length > 300)
        {
            throw new DomainRuleException(TicketErrors.Attachment);
        }

        var attachment = new TicketAttachment(Guid.NewGuid(), Id, fileName, contentType.Trim(), sizeBytes, storageKey, isInternal, actor, now);
        _attachments.Add(attachment);
        UpdatedAt = now;
        return attachment;
    }

    private void RequireCommenter(TicketActor actor, bool isInternal)
    {
        switch (actor.Role)
        {
            case TicketRole.System:
                throw new DomainRuleException(TicketErrors.SystemCannotComment);
            case TicketRole.Reporter when actor.UserId != ReporterUserId:
                throw new DomainRuleException(TicketErrors.NotTheReporter);
            case TicketRole.Reporter when isInternal:
                throw new DomainRuleException(TicketErrors.ReporterInternalComment);
        }
    }

    private void Require(TicketAction action, TicketActor actor, TicketRole[] roles, params TicketStatus[] states)
    {
        if (!states.Contains(Status))
        {
            throw new DomainRuleException(TicketErrors.TransitionNotAllowed(Status, action));
        }

        if (!roles.Contains(actor.Role))
        {
            throw new DomainRuleException(TicketErrors.RoleNotAllowed(action, actor.Role));
        }

        if (actor.Role == TicketRole.Reporter && actor.UserId != ReporterUserId)
        {
            throw new DomainRuleException(TicketErrors.NotTheReporter);
        }
    }

    private void Record(TicketAction action, TicketStatus to, TicketActor actor, string? note, DateTimeOffset now)
    {
        _events.Add(new TicketEvent(Id, action, Status, to, actor, note, now));
        Status = to;
        UpdatedAt = now;
    }

    private static string? Note(string? note, bool required)
    {
        note = Clean(note);
        if (required && note is null)
        {
            throw new DomainRuleException(TicketErrors.NoteRequired);
        }

        return note is { Length: > MaxTextLength } ? throw new DomainRuleException(TicketErrors.NoteTooLong) : note;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
