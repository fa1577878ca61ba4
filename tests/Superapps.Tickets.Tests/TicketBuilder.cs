using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain;

namespace Superapps.Tickets.Tests;

/// <summary>Tickets in any status, reached through the transitions themselves.</summary>
internal static class TicketBuilder
{
    public static readonly DateTimeOffset Reported = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero); // Monday 09.00 WIB

    public static readonly TicketActor Reporter = new("user-rina", "Rina (Kelurahan Telanai)", TicketRole.Reporter);
    public static readonly TicketActor OtherReporter = new("user-sari", "Sari (Kecamatan Kota Baru)", TicketRole.Reporter);
    public static readonly TicketActor Helpdesk = new("user-budi", "Budi (Helpdesk)", TicketRole.HelpdeskAgent);
    public static readonly TicketActor Technician = new("user-andi", "Andi (Teknisi)", TicketRole.Technician);

    public static readonly TicketSite Site = new(Guid.NewGuid(), "Kantor Kelurahan Telanai Pura", Guid.NewGuid(), "Kecamatan Telanaipura", Guid.NewGuid());

    public static Ticket New(TicketCategory category = TicketCategory.InternetDown) =>
        Ticket.Report(Guid.NewGuid(), new TicketNumber(2026, 123), Site, category, "Internet tidak terkoneksi sejak pagi.", Reporter, Reported);

    public static Ticket InState(TicketStatus status)
    {
        var t = Reported;
        var ticket = New();
        if (status == TicketStatus.New)
        {
            return ticket;
        }

        ticket.Assign(Helpdesk, Technician.UserId, Technician.Name, "Tim Jaringan", t = t.AddMinutes(10));
        if (status == TicketStatus.Assigned)
        {
            return ticket;
        }

        ticket.Start(Technician, t = t.AddMinutes(10));
        switch (status)
        {
            case TicketStatus.InProgress:
                return ticket;
            case TicketStatus.WaitingForOpd:
                ticket.WaitForOpd(Technician, "Ruang server dikunci; mohon kunci dari sekretariat.", t.AddMinutes(10));
                return ticket;
            case TicketStatus.WaitingForVendor:
                ticket.WaitForVendor(Technician, "Tiket ISP #4471", t.AddMinutes(10));
                return ticket;
        }

        ticket.Resolve(Technician, "Konektor fiber diganti.", t = t.AddMinutes(10));
        if (status == TicketStatus.Resolved)
        {
            return ticket;
        }

        if (status == TicketStatus.Closed)
        {
            ticket.Confirm(Reporter, t.AddMinutes(10));
            return ticket;
        }

        ticket.Reopen(Reporter, "Putus lagi sore ini.", TimeSpan.FromDays(7), t.AddMinutes(10));
        return ticket;
    }
}
