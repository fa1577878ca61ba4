using Superapps.SharedKernel;

namespace Superapps.Tickets.Domain.Incidents;

/// <summary>Whether an incident is still being worked.</summary>
public enum IncidentStatus
{
    Open = 0,
    Resolved = 1,
}

/// <summary>
/// A parent incident: one failed network node (a distribution node, a core) and the tickets of the sites behind it
/// (<see cref="Ticket.IncidentId"/>). Technicians work the incident once; resolving it resolves every open child ticket with its
/// note (<see cref="Ticket.ResolveFromIncident"/>). Numbered per year, e.g. <c>INS-2026-0001</c>.
/// </summary>
public sealed class Incident
{
    public const int MaxTitleLength = 200;

    private Incident()
    {
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public int Year { get; private set; }

    public int Sequence { get; private set; }

    public string Title { get; private set; } = string.Empty;

    /// <summary>The failed node: every site behind it is affected.</summary>
    public Guid NetworkNodeId { get; private set; }

    public string NetworkNodeCode { get; private set; } = string.Empty;

    public string NetworkNodeName { get; private set; } = string.Empty;

    /// <summary>Where it is felt, as the status page groups it: the distribution area (kecamatan) or the node's name.</summary>
    public string Area { get; private set; } = string.Empty;

    public IncidentStatus Status { get; private set; }

    public string CreatedByUserId { get; private set; } = string.Empty;

    public string CreatedByName { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public string? ResolvedByUserId { get; private set; }

    public string? ResolvedByName { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? ResolutionNote { get; private set; }

    /// <summary>Optimistic concurrency (PostgreSQL <c>xmin</c>).</summary>
    public uint Version { get; private set; }

    public bool IsOpen => Status == IncidentStatus.Open;

    public static string Format(int year, int sequence) => $"INS-{year}-{sequence:0000}";

    /// <summary>Opens an incident on a node; only the helpdesk lead (<see cref="TicketRole.HelpdeskAgent"/>) groups tickets.</summary>
    public static Incident Open(Guid id, int year, int sequence, string? title, IncidentNode node, TicketActor actor, DateTimeOffset now)
    {
        if (actor.Role != TicketRole.HelpdeskAgent)
        {
            throw new DomainRuleException(IncidentErrors.LeadOnly);
        }

        title = string.IsNullOrWhiteSpace(title) ? IncidentText.DefaultTitle(node.Name) : title.Trim();
        if (title.Length > MaxTitleLength)
        {
            throw new DomainRuleException(IncidentErrors.Title);
        }

        return new Incident
        {
            Id = id,
            Number = Format(year, sequence),
            Year = year,
            Sequence = sequence,
            Title = title,
            NetworkNodeId = node.Id,
            NetworkNodeCode = node.Code,
            NetworkNodeName = node.Name,
            Area = node.Area,
            Status = IncidentStatus.Open,
            CreatedByUserId = actor.UserId,
            CreatedByName = actor.Name,
            CreatedAt = now,
        };
    }

    /// <summary>The fault is fixed: the note says what was done and is copied to every open child ticket.</summary>
    public string Resolve(TicketActor actor, string? note, DateTimeOffset now)
    {
        if (actor.Role is not (TicketRole.HelpdeskAgent or TicketRole.Technician))
        {
            throw new DomainRuleException(IncidentErrors.HelpdeskOnly);
        }

        RequireOpen();
        note = note?.Trim();
        if (string.IsNullOrEmpty(note) || note.Length > Ticket.MaxTextLength)
        {
            throw new DomainRuleException(IncidentErrors.ResolutionNote);
        }

        Status = IncidentStatus.Resolved;
        ResolvedByUserId = actor.UserId;
        ResolvedByName = actor.Name;
        ResolvedAt = now;
        ResolutionNote = note;
        return note;
    }

    /// <summary>Tickets join or leave an open incident only.</summary>
    public void RequireOpen()
    {
        if (!IsOpen)
        {
            throw new DomainRuleException(IncidentErrors.NotOpen);
        }
    }
}

/// <summary>The node an incident is about, as it stood when the incident was opened.</summary>
/// <param name="Area">The area it serves (the name of its distribution node under the core).</param>
public sealed record IncidentNode(Guid Id, string Code, string Name, string Area);

/// <summary>Incident texts in both languages.</summary>
public static class IncidentText
{
    public static string DefaultTitle(string nodeName) => $"Gangguan jaringan di {nodeName}";

    public static (string Indonesian, string English) Of(IncidentStatus status) => status == IncidentStatus.Open
        ? ("Sedang ditangani", "Being worked on")
        : ("Selesai", "Resolved");
}

/// <summary>Every error about incidents, in Indonesian and English.</summary>
public static class IncidentErrors
{
    public static readonly UserError LeadOnly = new("tickets.incident.lead",
        "Hanya koordinator helpdesk yang dapat membuat insiden.", "Only the helpdesk lead can open an incident.");

    public static readonly UserError HelpdeskOnly = new("tickets.incident.helpdesk",
        "Hanya helpdesk Diskominfo yang dapat menyelesaikan insiden.", "Only Diskominfo's helpdesk can resolve an incident.");

    public static readonly UserError Title = new("tickets.incident.title",
        "Judul insiden paling banyak 200 karakter.", "An incident's title has at most 200 characters.", "title");

    public static readonly UserError ResolutionNote = new("tickets.incident.note",
        "Catatan penyelesaian wajib diisi (paling banyak 4.000 karakter): diteruskan ke setiap pelapor.",
        "A resolution note is required (at most 4,000 characters): every reporter receives it.", "note");

    public static readonly UserError NotOpen = new(TicketErrors.TransitionCode,
        "Insiden ini sudah selesai; laporkan gangguan baru bila masih terjadi.", "This incident is resolved; report a new fault if it persists.");

    public static readonly UserError NotFound = new("tickets.incident.not-found",
        "Insiden tidak ditemukan.", "Incident not found.");

    public static readonly UserError NodeNotFound = new("tickets.incident.node",
        "Titik jaringan tidak ditemukan.", "Network node not found.", "node");

    public static readonly UserError NoTickets = new("tickets.incident.tickets",
        "Pilih paling sedikit satu tiket terbuka untuk digabungkan.", "Choose at least one open ticket to group.", "tickets");

    public static UserError NotBehindNode(string ticketNumber, string nodeName) => new("tickets.incident.not-behind",
        $"Tiket {ticketNumber} bukan untuk lokasi di belakang {nodeName}.", $"Ticket {ticketNumber} is not for a site behind {nodeName}.", "tickets");

    public static UserError TicketClosed(string ticketNumber) => new(TicketErrors.TransitionCode,
        $"Tiket {ticketNumber} sudah selesai dan tidak dapat digabungkan.", $"Ticket {ticketNumber} is resolved and cannot be grouped.", "tickets");

    public static readonly UserError SiteNotAffected = new("tickets.incident.site",
        "Lokasi Anda tidak berada di belakang titik jaringan insiden ini.", "Your site is not behind this incident's network node.", "site");
}
