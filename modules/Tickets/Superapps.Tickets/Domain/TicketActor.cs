namespace Superapps.Tickets.Domain;

/// <summary>What a ticket's life cycle lets someone do.</summary>
public enum TicketAction
{
    Report = 0,
    Triage = 1,
    Assign = 2,
    Start = 3,
    WaitForOpd = 4,
    WaitForVendor = 5,
    Resume = 6,
    Resolve = 7,
    Confirm = 8,
    Reopen = 9,
    AutoClose = 10,
    Comment = 11,
    Attach = 12,
    IncidentLink = 13,
    IncidentUnlink = 14,
}

/// <summary>In which capacity someone acts on a ticket. The web layer derives it from the user's roles and the ticket.</summary>
public enum TicketRole
{
    /// <summary>Someone of an OPD who reports; on a ticket, only its own reporter acts as reporter.</summary>
    Reporter = 0,

    /// <summary>Diskominfo's helpdesk (koordinator helpdesk): triage, assignment, and everything a technician does.</summary>
    HelpdeskAgent = 1,

    /// <summary>A Diskominfo technician (teknisi).</summary>
    Technician = 2,

    /// <summary>Scheduled jobs (automatic close).</summary>
    System = 3,
}

/// <summary>Who acts on a ticket: the user's id (Identity), display name snapshot, and capacity.</summary>
public sealed record TicketActor(string UserId, string Name, TicketRole Role)
{
    /// <summary>The scheduler, for automatic transitions.</summary>
    public static readonly TicketActor System = new("system", "Sistem", TicketRole.System);
}
