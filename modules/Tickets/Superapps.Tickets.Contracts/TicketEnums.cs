namespace Superapps.Tickets.Contracts;

/// <summary>Where a ticket stands in its life (docs/adr/0006-state-machines-and-quartz.md).</summary>
public enum TicketStatus
{
    /// <summary>Baru: reported, not yet taken by the helpdesk.</summary>
    New = 0,

    /// <summary>Ditugaskan: given to a technician or a team.</summary>
    Assigned = 1,

    /// <summary>Dikerjakan.</summary>
    InProgress = 2,

    /// <summary>Menunggu OPD: the reporting OPD must act (access, information); the customer SLA clock pauses.</summary>
    WaitingForOpd = 3,

    /// <summary>Menunggu vendor/ISP: the SLA clock keeps running and the vendor clock counts.</summary>
    WaitingForVendor = 4,

    /// <summary>Selesai dikerjakan: waiting for the reporter's confirmation, or for the automatic close.</summary>
    Resolved = 5,

    /// <summary>Ditutup.</summary>
    Closed = 6,

    /// <summary>Dibuka kembali by the reporter after a resolution that did not hold.</summary>
    Reopened = 7,
}

/// <summary>What kind of fault the reporter sees.</summary>
public enum TicketCategory
{
    InternetDown = 0,
    Slow = 1,
    FibreCut = 2,
    WiFi = 3,
    Lan = 4,
    ServerOrDataCentre = 5,
    Application = 6,
    Other = 7,
}

/// <summary>P1 (critical) to P4 (low), from impact and urgency (<c>PriorityMatrix</c>).</summary>
public enum TicketPriority
{
    P1 = 1,
    P2 = 2,
    P3 = 3,
    P4 = 4,
}

/// <summary>How widely a fault is felt.</summary>
public enum TicketImpact
{
    /// <summary>Many sites (an uplink, a node, the data centre).</summary>
    ManySites = 1,

    /// <summary>One whole site.</summary>
    OneSite = 2,

    /// <summary>One person or one device.</summary>
    OnePerson = 3,
}

/// <summary>How soon the work it stops must go on.</summary>
public enum TicketUrgency
{
    /// <summary>Public service or critical work stopped.</summary>
    High = 1,

    /// <summary>Work is hindered; a workaround exists for a while.</summary>
    Medium = 2,

    /// <summary>Can wait.</summary>
    Low = 3,
}

/// <summary>What a network site is.</summary>
public enum SiteKind
{
    OpdOffice = 0,
    Kecamatan = 1,
    Kelurahan = 2,
    School = 3,
    DataCentre = 4,
    Other = 5,
}
