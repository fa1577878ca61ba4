using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain.Sites;
using Superapps.Tickets.Features.Access;
using Superapps.Tickets.Features.Desk;
using Superapps.Tickets.Features.Reporting;
using Superapps.Tickets.Features.Sites;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>The people of the helpdesk tests, as the portal sees them (employee ids), and a small queue reached through the real services.</summary>
internal static class HelpdeskData
{
    public static readonly TicketPrincipal Rina = new(Guid.Parse("0195d0a0-0000-7000-8000-00000000aa01"), "Rina (Kelurahan)", TicketsHarness.KecamatanTelanai, false, false);
    public static readonly TicketPrincipal Sari = new(Guid.Parse("0195d0a0-0000-7000-8000-00000000aa02"), "Sari (OPD lain)", Guid.NewGuid(), false, false);
    public static readonly TicketPrincipal Andi = new(Guid.Parse("0195d0a0-0000-7000-8000-00000000aa03"), "Andi (Teknisi)", TicketsHarness.Diskominfo, true, false);
    public static readonly TicketPrincipal Dewi = new(Guid.Parse("0195d0a0-0000-7000-8000-00000000aa04"), "Dewi (Teknisi)", TicketsHarness.Diskominfo, true, false);
    public static readonly TicketPrincipal Budi = new(Guid.Parse("0195d0a0-0000-7000-8000-00000000aa05"), "Budi (Koordinator)", TicketsHarness.Diskominfo, false, true);

    public static readonly Guid KelurahanBeringin = Guid.Parse("0195d0a0-0000-7000-8000-0000000000d3");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Six tickets a minute apart on two sites (Telanai, Beringin): 1 internet down (P2), taken and started by Andi; 2 slow (P3),
    /// new; 3 other (P4), new; 4 fibre cut (P2) at Beringin, assigned by Budi to Dewi and Tim Jaringan, waiting for the vendor;
    /// 5 Wi-Fi (P4) at Beringin, resolved by Andi and confirmed (closed); 6 LAN (P3), resolved by Andi.
    /// </summary>
    public static async Task<(Site Telanai, Site Beringin, IReadOnlyList<ReportedTicket> Tickets)> QueueAsync(TicketsHarness harness)
    {
        var telanai = await harness.SiteAsync("KEL-TELANAI");
        var register = harness.Get<SiteRegister>();
        var core = await register.AddCoreAsync("CORE-PASAR", "Core Data Center", Ct);
        var node = await register.AddDistributionAsync("DIST-PASAR", "Distribusi Pasar", core.Id, Ct);
        var beringin = await register.AddSiteAsync(new SiteDetails("KEL-BERINGIN", "Kantor Kelurahan Beringin", SiteKind.Kelurahan, KelurahanBeringin,
            "Kelurahan Beringin", null, null, null), node.Id, Ct);
        var reporting = harness.Get<TicketReporting>();
        var desk = harness.Get<TicketDesk>();
        var tickets = new List<ReportedTicket>();
        foreach (var (site, category, text) in new[]
        {
            (telanai, TicketCategory.InternetDown, "Internet tidak terkoneksi sejak pagi."),
            (telanai, TicketCategory.Slow, "Internet sangat lambat di ruang pelayanan."),
            (telanai, TicketCategory.Other, "Printer jaringan tidak terdeteksi."),
            (beringin, TicketCategory.FibreCut, "Kabel fiber putus tertimpa pohon."),
            (beringin, TicketCategory.WiFi, "Wi-Fi aula tidak bisa dipakai."),
            (telanai, TicketCategory.Lan, "Kabel LAN ruang lurah rusak."),
        })
        {
            tickets.Add(await reporting.ReportAsync(new ReportTicket(site.Id, category, text), Rina.AsReporter(), Ct));
            harness.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await desk.TakeAsync(tickets[0].Id, Andi.AsHelpdesk()!, Ct);
        await desk.StartAsync(tickets[0].Id, Andi.AsHelpdesk()!, Ct);
        await desk.AssignAsync(tickets[3].Id, Budi.AsHelpdesk()!, Dewi.UserId, Dewi.Name, "Tim Jaringan", Ct);
        await desk.StartAsync(tickets[3].Id, Dewi.AsHelpdesk()!, Ct);
        await desk.WaitForVendorAsync(tickets[3].Id, Dewi.AsHelpdesk()!, "Tiket ISP #4471", Ct);
        foreach (var done in new[] { tickets[4], tickets[5] })
        {
            await desk.TakeAsync(done.Id, Andi.AsHelpdesk()!, Ct);
            await desk.StartAsync(done.Id, Andi.AsHelpdesk()!, Ct);
            await desk.ResolveAsync(done.Id, Andi.AsHelpdesk()!, "Sudah diperbaiki.", Ct);
        }

        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await desk.ConfirmAsync(tickets[4].Id, Rina.AsReporter(), Ct);
        harness.Clock.Advance(TimeSpan.FromMinutes(4));
        return (telanai, beringin, tickets);
    }
}
