using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Data.Configurations;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Domain.Sla;
using Superapps.Tickets.Features.Access;
using Superapps.Tickets.Features.Calendar;

namespace Superapps.Tickets.Features.Queue;

/// <summary>The queue's tabs: a group of statuses.</summary>
public enum QueueGroup
{
    /// <summary>New, assigned, in progress, reopened: work to do.</summary>
    Open = 0,

    /// <summary>Waiting for the OPD or the vendor/ISP.</summary>
    Waiting = 1,

    /// <summary>Resolved, waiting for the reporter's confirmation.</summary>
    Resolved = 2,

    Closed = 3,

    All = 4,
}

/// <summary>Whose tickets: anyone's, the viewer's own, nobody's yet, or one technician's.</summary>
public enum QueueAssignee
{
    Anyone = 0,
    Mine = 1,
    Unassigned = 2,
    Technician = 3,
}

public enum QueueSort
{
    /// <summary>Highest priority first, the oldest first within a priority: what to do next.</summary>
    PriorityThenAge = 0,
    Newest = 1,
    Oldest = 2,
    Updated = 3,
}

/// <summary>What the helpdesk asks the queue. <paramref name="Status"/> narrows the group to one status.</summary>
public sealed record QueueSearch(
    QueueGroup Group = QueueGroup.Open,
    TicketStatus? Status = null,
    TicketPriority? Priority = null,
    TicketCategory? Category = null,
    Guid? AgencyId = null,
    Guid? SiteId = null,
    QueueAssignee Assignee = QueueAssignee.Anyone,
    string? TechnicianUserId = null,
    string? Team = null,
    string? Text = null,
    DateOnly? From = null,
    DateOnly? To = null,
    QueueSort Sort = QueueSort.PriorityThenAge,
    int Page = 0,
    int PageSize = 25);

/// <summary>One line of the queue, with the SLA clocks read at the time of the query.</summary>
public sealed record QueueRow(Guid Id, string Number, TicketStatus Status, TicketPriority Priority, TicketCategory Category, string SiteName,
    string AgencyName, string ReporterName, string? AssigneeName, string? Team, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Excerpt,
    TicketSlaReading Sla);

/// <summary>A page of the queue; <paramref name="Total"/> is counted up to a bound (<see cref="TicketQueue.TotalBound"/>).</summary>
public sealed record QueuePage(IReadOnlyList<QueueRow> Items, int Total, bool TotalIsAtLeast);

/// <summary>How many tickets each tab holds under the same filters, each counted up to <see cref="TicketQueue.CountBound"/>.</summary>
public sealed record QueueCounts(int Open, int Waiting, int Resolved, int Closed)
{
    public int Of(QueueGroup group) => group switch
    {
        QueueGroup.Open => Open,
        QueueGroup.Waiting => Waiting,
        QueueGroup.Resolved => Resolved,
        QueueGroup.Closed => Closed,
        _ => Open + Waiting + Resolved + Closed,
    };
}

/// <summary>
/// The helpdesk queue: a page of tickets filtered, searched and sorted on the server, with the SLA state of the rows shown, and
/// the counts of the tabs. Shaped for 200,000 tickets (docs/performance.md): the open tickets have their own partial index in the
/// default order, the text search a trigram index, and totals are counted up to a bound. Every call reads through a context of
/// its own, so the counts and the table of one page may load at the same time.
/// </summary>
public sealed class TicketQueue(IServiceScopeFactory scopes, TimeProvider clock, IOptions<TicketsOptions> options)
{
    /// <summary>A page's total is counted up to this many tickets (or to the end of the requested page): the pager shows "1.000+".</summary>
    public const int TotalBound = 1000;

    /// <summary>A tab's count stops here: the tab shows "10.000+".</summary>
    public const int CountBound = 10_000;

    public static readonly TicketStatus[] OpenStatuses = [TicketStatus.New, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.Reopened];

    public static readonly TicketStatus[] WaitingStatuses = [TicketStatus.WaitingForOpd, TicketStatus.WaitingForVendor];

    public async Task<QueuePage> SearchAsync(TicketPrincipal viewer, QueueSearch search, CancellationToken cancellationToken = default)
    {
        RequireHelpdesk(viewer);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        var size = Math.Clamp(search.PageSize, 1, 100);
        var skip = Math.Max(0, search.Page) * size;
        var tickets = InGroup(Filter(db.Tickets.AsNoTracking(), viewer, search), search.Group, search.Status);

        var bound = Math.Max(TotalBound, skip + size) + 1;
        var counted = await tickets.Select(t => t.Id).Take(bound).CountAsync(cancellationToken);
        var ordered = search.Sort switch
        {
            QueueSort.Newest => tickets.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
            QueueSort.Oldest => tickets.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
            QueueSort.Updated => tickets.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id),
            _ => tickets.OrderBy(t => t.Priority).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id),
        };
        var rows = await ordered.Skip(skip).Take(size).Select(t => new
        {
            t.Id, t.Number, t.Status, t.Priority, t.Category, t.SiteName, t.AgencyName, t.ReporterName, t.AssigneeName, t.AssignedTeam,
            t.CreatedAt, t.UpdatedAt, t.FirstResponseAt,
            Excerpt = t.Description.Substring(0, 160),
        }).ToListAsync(cancellationToken);

        // The SLA of the rows shown: one query for their status changes, then the same arithmetic as the jobs and the ticket page.
        var ids = rows.Select(r => r.Id).ToList();
        var timelines = await Timelines(db, ids, cancellationToken);
        var businessClock = await scope.ServiceProvider.GetRequiredService<TicketCalendar>().ClockAsync(cancellationToken);
        var policy = options.Value.Policy();
        var now = clock.GetUtcNow();
        var items = rows.Select(r => new QueueRow(r.Id, r.Number, r.Status, r.Priority, r.Category, r.SiteName, r.AgencyName, r.ReporterName, r.AssigneeName,
            r.AssignedTeam, r.CreatedAt, r.UpdatedAt, r.Excerpt,
            TicketSla.Evaluate(timelines.TryGetValue(r.Id, out var timeline) ? timeline : [new StatusChange(r.CreatedAt, TicketStatus.New)],
                r.FirstResponseAt, r.Priority, policy, businessClock, now))).ToList();
        return new QueuePage(items, Math.Min(counted, bound - 1), counted == bound);
    }

    /// <summary>The tabs' counts under the same filters as the page (its group and status aside).</summary>
    public async Task<QueueCounts> CountsAsync(TicketPrincipal viewer, QueueSearch search, CancellationToken cancellationToken = default)
    {
        RequireHelpdesk(viewer);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        var filtered = Filter(db.Tickets.AsNoTracking(), viewer, search);
        async Task<int> Count(QueueGroup group) =>
            await InGroup(filtered, group, null).Select(t => t.Id).Take(CountBound + 1).CountAsync(cancellationToken);

        return new QueueCounts(await Count(QueueGroup.Open), await Count(QueueGroup.Waiting), await Count(QueueGroup.Resolved), await Count(QueueGroup.Closed));
    }

    /// <summary>The teams tickets were given to, for the filter.</summary>
    public async Task<IReadOnlyList<string>> TeamsAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        var used = await db.Tickets.AsNoTracking().Where(t => t.AssignedTeam != null && OpenStatuses.Contains(t.Status))
            .Select(t => t.AssignedTeam!).Distinct().ToListAsync(cancellationToken);
        return [.. TicketTeams.Default.Union(used).Order(StringComparer.Ordinal)];
    }

    /// <summary>Sites whose code or name contains <paramref name="text"/>, for the filter (at most 20).</summary>
    public async Task<IReadOnlyList<QueueOption>> SitesAsync(string? text, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sites = scope.ServiceProvider.GetRequiredService<TicketsDbContext>().Sites.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = LikePattern.Contains(text);
            sites = sites.Where(s => EF.Functions.ILike(s.Name, pattern) || EF.Functions.ILike(s.Code, pattern));
        }

        return await sites.OrderBy(s => s.Name).Take(20).Select(s => new QueueOption(s.Id, s.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>The OPDs owning sites, for the filter (by their name snapshot on the sites register).</summary>
    public async Task<IReadOnlyList<QueueOption>> AgenciesAsync(string? text, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sites = scope.ServiceProvider.GetRequiredService<TicketsDbContext>().Sites.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            sites = sites.Where(s => EF.Functions.ILike(s.AgencyName, LikePattern.Contains(text)));
        }

        var agencies = await sites.Select(s => new { s.AgencyId, s.AgencyName }).Distinct().OrderBy(a => a.AgencyName).Take(20).ToListAsync(cancellationToken);
        return [.. agencies.Select(a => new QueueOption(a.AgencyId, a.AgencyName))];
    }

    internal static async Task<Dictionary<Guid, List<StatusChange>>> Timelines(TicketsDbContext db, List<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var changes = await db.TicketEvents.AsNoTracking()
            .Where(e => ids.Contains(e.TicketId) && (e.Action == TicketAction.Report || e.FromStatus != e.ToStatus))
            .OrderBy(e => e.TicketId).ThenBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new { e.TicketId, e.At, e.ToStatus })
            .ToListAsync(cancellationToken);
        return changes.GroupBy(c => c.TicketId).ToDictionary(g => g.Key, g => g.Select(c => new StatusChange(c.At, c.ToStatus)).ToList());
    }

    private static void RequireHelpdesk(TicketPrincipal viewer)
    {
        if (!viewer.IsHelpdesk)
        {
            throw new DomainRuleException(TicketErrors.QueueNotAllowed);
        }
    }

    private static IQueryable<Ticket> InGroup(IQueryable<Ticket> tickets, QueueGroup group, TicketStatus? status)
    {
        if (status is { } one)
        {
            return tickets.Where(t => t.Status == one);
        }

        // Spelled as the partial index's predicate (TicketConfiguration.OpenFilter), so PostgreSQL matches it.
        return group switch
        {
            QueueGroup.Open => tickets.Where(t => t.Status == TicketStatus.New || t.Status == TicketStatus.Assigned
                || t.Status == TicketStatus.InProgress || t.Status == TicketStatus.Reopened),
            QueueGroup.Waiting => tickets.Where(t => t.Status == TicketStatus.WaitingForOpd || t.Status == TicketStatus.WaitingForVendor),
            QueueGroup.Resolved => tickets.Where(t => t.Status == TicketStatus.Resolved),
            QueueGroup.Closed => tickets.Where(t => t.Status == TicketStatus.Closed),
            _ => tickets,
        };
    }

    private IQueryable<Ticket> Filter(IQueryable<Ticket> tickets, TicketPrincipal viewer, QueueSearch search)
    {
        if (search.Priority is { } priority)
        {
            tickets = tickets.Where(t => t.Priority == priority);
        }

        if (search.Category is { } category)
        {
            tickets = tickets.Where(t => t.Category == category);
        }

        if (search.AgencyId is { } agency)
        {
            tickets = tickets.Where(t => t.AgencyId == agency);
        }

        if (search.SiteId is { } site)
        {
            tickets = tickets.Where(t => t.SiteId == site);
        }

        var me = viewer.UserId;
        tickets = search.Assignee switch
        {
            QueueAssignee.Mine => tickets.Where(t => t.AssigneeUserId == me),
            QueueAssignee.Unassigned => tickets.Where(t => t.AssigneeUserId == null && t.AssignedTeam == null),
            QueueAssignee.Technician when !string.IsNullOrWhiteSpace(search.TechnicianUserId) => tickets.Where(t => t.AssigneeUserId == search.TechnicianUserId),
            _ => tickets,
        };

        if (!string.IsNullOrWhiteSpace(search.Team))
        {
            var team = search.Team.Trim();
            tickets = tickets.Where(t => t.AssignedTeam == team);
        }

        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            // Number, site and description in one generated column with a trigram index (TicketConfiguration.SearchText).
            var pattern = LikePattern.Contains(search.Text.Trim());
            tickets = tickets.Where(t => EF.Functions.ILike(EF.Property<string>(t, TicketConfiguration.SearchText), pattern));
        }

        var zone = options.Value.FindTimeZone();
        if (search.From is { } from)
        {
            var start = StartOf(from, zone);
            tickets = tickets.Where(t => t.CreatedAt >= start);
        }

        if (search.To is { } to)
        {
            var end = StartOf(to.AddDays(1), zone);
            tickets = tickets.Where(t => t.CreatedAt < end);
        }

        return tickets;
    }

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

/// <summary>A site or an OPD to filter by.</summary>
public sealed record QueueOption(Guid Id, string Name)
{
    public override string ToString() => Name;
}

/// <summary>The helpdesk's teams, offered when assigning and filtering; teams already used on tickets are offered too.</summary>
public static class TicketTeams
{
    public static readonly IReadOnlyList<string> Default = ["Tim Aplikasi", "Tim Data Center", "Tim Jaringan"];
}
