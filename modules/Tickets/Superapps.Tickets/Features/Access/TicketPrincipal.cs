using System.Security.Claims;
using Superapps.SharedKernel;
using Superapps.Tickets.Domain;

namespace Superapps.Tickets.Features.Access;

/// <summary>
/// The signed-in user as the Tickets module sees them: the employee id (Organization module) that tickets store as the
/// reporter's, technician's and agent's <see cref="TicketActor.UserId"/>, so notices reach them; their OPD; and the capacities
/// their roles give (<see cref="TicketsPortalModule"/>).
/// </summary>
public sealed record TicketPrincipal(Guid EmployeeId, string Name, Guid? AgencyId, bool IsTechnician, bool IsHelpdeskLead)
{
    /// <summary>Technicians and the helpdesk lead work the queue.</summary>
    public bool IsHelpdesk => IsTechnician || IsHelpdeskLead;

    /// <summary>The user, or null when they are not an employee (no <c>employee_id</c> claim): they cannot report or work tickets.</summary>
    public static TicketPrincipal? From(ClaimsPrincipal user)
    {
        if (!Guid.TryParse(user.FindFirstValue(SuperappsClaimTypes.EmployeeId), out var employeeId))
        {
            return null;
        }

        var name = user.FindFirstValue("name") ?? user.FindFirstValue(ClaimTypes.Name) ?? user.Identity?.Name ?? employeeId.ToString();
        Guid? agencyId = Guid.TryParse(user.FindFirstValue(SuperappsClaimTypes.AgencyId), out var agency) ? agency : null;
        return new TicketPrincipal(employeeId, name, agencyId, user.IsInRole(Roles.HelpdeskTechnician), user.IsInRole(Roles.HelpdeskLead));
    }

    public string UserId => EmployeeId.ToString();

    /// <summary>As the reporter of a ticket (the domain checks it is theirs).</summary>
    public TicketActor AsReporter() => new(UserId, Name, TicketRole.Reporter);

    /// <summary>
    /// In their helpdesk capacity: the lead as helpdesk agent (triage, assignment and everything else), a technician as
    /// technician; null for someone outside the helpdesk.
    /// </summary>
    public TicketActor? AsHelpdesk() =>
        IsHelpdeskLead ? new(UserId, Name, TicketRole.HelpdeskAgent)
        : IsTechnician ? new(UserId, Name, TicketRole.Technician)
        : null;
}
