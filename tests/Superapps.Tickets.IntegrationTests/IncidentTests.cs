using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Notifications.Contracts;
using Superapps.SharedKernel;
using Superapps.Testing;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Domain.Incidents;
using Superapps.Tickets.Features.Desk;
using Superapps.Tickets.Features.Incidents;
using Superapps.Tickets.Features.Reporting;
using static Superapps.Tickets.IntegrationTests.ReporterSide;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>Journeys 2, 5 and 6 on PostgreSQL: reports for a site of another OPD, proposals from the tree, incidents resolving and
/// notifying their children, joining an incident while reporting, and the status page.</summary>
public sealed class IncidentTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<ReportedTicket> ReportAsync(TicketsHarness harness, Domain.Sites.Site site, Features.Access.TicketPrincipal who, Guid? incident = null) =>
        harness.Get<TicketReporting>().ReportAsync(new ReportTicket(site.Id, TicketCategory.InternetDown, "Internet tidak terkoneksi.", incident), who, Ct);

    [Fact]
    public async Task An_employee_reports_only_for_their_own_OPDs_sites_while_the_helpdesk_may_log_a_call_for_any()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var side = await ReporterSide.CreateAsync(harness);

        var refused = await Should.ThrowAsync<DomainRuleException>(() => ReportAsync(harness, side.KotaBaruOffice, Rina));
        refused.Error.ShouldBe(TicketErrors.SiteOfAnotherAgency);
        refused.Error.English.ShouldContain("another OPD");
        var noAgency = Rina with { AgencyId = null };
        (await Should.ThrowAsync<DomainRuleException>(() => ReportAsync(harness, side.Buluran, noAgency))).Error.ShouldBe(TicketErrors.NoAgency);
        (await harness.Get<TicketsDbContext>().Tickets.CountAsync(Ct)).ShouldBe(0);

        var own = await ReportAsync(harness, side.Buluran, Rina);
        var onBehalf = await ReportAsync(harness, side.KotaBaruOffice, Technician);

        // The refusals took no number.
        (own.Number, onBehalf.Number).ShouldBe(("TIK-2026-000001", "TIK-2026-000002"));
    }

    [Fact]
    public async Task Open_tickets_of_two_sites_behind_a_node_are_proposed_and_the_lead_groups_them()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var side = await ReporterSide.CreateAsync(harness);
        var buluran = await ReportAsync(harness, side.Buluran, Rina);
        var simpang = await ReportAsync(harness, side.Simpang, Sari);
        var kotaBaru = await ReportAsync(harness, side.KotaBaruOffice, Dedi);
        var incidents = harness.Get<TicketIncidents>();

        var proposal = (await incidents.ProposeAsync(Ct)).ShouldHaveSingleItem();
        proposal.NodeId.ShouldBe(side.Telanai.Id);
        proposal.Tickets.Select(t => t.Number).ShouldBe([buluran.Number, simpang.Number]);
        proposal.Title.Indonesian.ShouldBe("2 lokasi di belakang Distribusi Telanaipura melaporkan gangguan");

        // A technician does not group; a ticket of a site elsewhere does not fit; nothing is saved by either.
        (await Should.ThrowAsync<DomainRuleException>(() => incidents.CreateAsync(new CreateIncident(side.Telanai.Id, null, [buluran.Id]), Technician.AsHelpdesk()!, Ct)))
            .Error.ShouldBe(IncidentErrors.LeadOnly);
        (await Should.ThrowAsync<DomainRuleException>(() => incidents.CreateAsync(new CreateIncident(side.Telanai.Id, null, [buluran.Id, kotaBaru.Id]), Lead.AsHelpdesk()!, Ct)))
            .Error.Code.ShouldBe("tickets.incident.not-behind");
        (await harness.Get<TicketsDbContext>().Incidents.CountAsync(Ct)).ShouldBe(0);

        var created = await incidents.CreateAsync(new CreateIncident(proposal.NodeId, null, [.. proposal.Tickets.Select(t => t.Id)]), Lead.AsHelpdesk()!, Ct);

        created.Number.ShouldBe("INS-2026-0001");
        created.Area.ShouldBe("Distribusi Telanaipura");
        (created.TicketCount, created.OpenTicketCount, created.AffectedSites).ShouldBe((2, 2, 3));
        (await incidents.ProposeAsync(Ct)).ShouldBeEmpty();
        harness.Audit.Events.Count(e => e.Action == "ticket.incident-linked").ShouldBe(2);
        harness.Audit.Events.ShouldContain(e => e.Action == "incident.created");

        // A ticket reported later behind the node is proposed to join the open incident.
        var kantorCamat = await ReportAsync(harness, side.KantorCamat, Sari);
        var join = (await incidents.ProposeAsync(Ct)).ShouldHaveSingleItem();
        (join.IncidentId, join.Tickets.Single().Id).ShouldBe((created.Id, kantorCamat.Id));
        await incidents.LinkAsync(created.Id, kantorCamat.Id, Lead.AsHelpdesk()!, Ct);
        (await Should.ThrowAsync<DomainRuleException>(() => incidents.LinkAsync(created.Id, kotaBaru.Id, Lead.AsHelpdesk()!, Ct))).Error.Code.ShouldBe("tickets.incident.not-behind");
        await incidents.UnlinkAsync(kantorCamat.Id, Technician.AsHelpdesk()!, Ct);
        (await incidents.GetAsync(created.Id, Ct))!.Children.Select(c => c.Number).ShouldBe([buluran.Number, simpang.Number]);
    }

    [Fact]
    public async Task Resolving_the_parent_resolves_every_open_child_in_any_status_and_notifies_each_reporter()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var side = await ReporterSide.CreateAsync(harness);
        var buluran = await ReportAsync(harness, side.Buluran, Rina);
        var simpang = await ReportAsync(harness, side.Simpang, Sari);
        var camat = await ReportAsync(harness, side.KantorCamat, Sari);
        var lead = Lead.AsHelpdesk()!;
        var desk = harness.Get<TicketDesk>();
        await desk.AssignAsync(simpang.Id, lead, Technician.UserId, Technician.Name, "Tim Jaringan", Ct);
        await desk.AssignAsync(camat.Id, lead, Technician.UserId, Technician.Name, null, Ct);
        await desk.StartAsync(camat.Id, Technician.AsHelpdesk()!, Ct);
        await desk.WaitForVendorAsync(camat.Id, Technician.AsHelpdesk()!, "Tiket ISP #88", Ct);
        var incidents = harness.Get<TicketIncidents>();
        var incident = await incidents.CreateAsync(new CreateIncident(side.Telanai.Id, "Kabel distribusi Telanaipura putus", [buluran.Id, simpang.Id, camat.Id]), lead, Ct);
        var notifier = harness.Services.Services.GetRequiredService<RecordingNotifier>();
        harness.Audit.Clear();

        (await Should.ThrowAsync<DomainRuleException>(() => incidents.ResolveAsync(incident.Id, Technician.AsHelpdesk()!, " ", Ct))).Error.ShouldBe(IncidentErrors.ResolutionNote);
        var resolved = await incidents.ResolveAsync(incident.Id, Technician.AsHelpdesk()!, "Kabel distribusi disambung ulang", Ct);

        resolved.ShouldBe([buluran.Number, simpang.Number, camat.Number]);
        await using (var scope = harness.NewScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
            var tickets = await db.Tickets.Include(t => t.Events).Where(t => t.IncidentId == incident.Id).ToListAsync(Ct);
            tickets.ShouldAllBe(t => t.Status == TicketStatus.Resolved && t.ResolvedAt != null);
            tickets.Select(t => t.Events.OrderBy(e => e.Id).Last().FromStatus).ShouldBe([TicketStatus.New, TicketStatus.Assigned, TicketStatus.WaitingForVendor], ignoreOrder: true);
            (await db.Incidents.SingleAsync(Ct)).Status.ShouldBe(IncidentStatus.Resolved);
        }

        harness.Audit.Events.Count(e => e.Action == "ticket.resolved").ShouldBe(3);
        harness.Audit.Events.ShouldContain(e => e.Action == "incident.resolved");
        var toRina = notifier.To(Rina.EmployeeId).ShouldHaveSingleItem();
        (toRina.Topic, toRina.Link).ShouldBe((NoticeTopic.Ticket, $"/tiket/{buluran.Number}"));
        toRina.Body!.Indonesian.ShouldContain("Kabel distribusi disambung ulang");
        notifier.To(Sari.EmployeeId).Select(n => n.Link).ShouldBe([$"/tiket/{simpang.Number}", $"/tiket/{camat.Number}"], ignoreOrder: true);
        notifier.Notices.Select(n => n.Key).Distinct().Count().ShouldBe(3);

        // Resolved once: a second resolution is refused and notifies nobody.
        (await Should.ThrowAsync<DomainRuleException>(() => incidents.ResolveAsync(incident.Id, lead, "lagi", Ct))).Error.ShouldBe(IncidentErrors.NotOpen);
        notifier.Notices.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_reporter_joins_an_open_incident_affecting_their_site_and_is_resolved_with_it()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var side = await ReporterSide.CreateAsync(harness);
        var first = await ReportAsync(harness, side.Buluran, Rina);
        var incidents = harness.Get<TicketIncidents>();
        var incident = await incidents.CreateAsync(new CreateIncident(side.Telanai.Id, null, [first.Id]), Lead.AsHelpdesk()!, Ct);

        (await incidents.OpenAffectingSiteAsync(side.Simpang.Id, Ct)).ShouldHaveSingleItem().Id.ShouldBe(incident.Id);
        (await incidents.OpenAffectingSiteAsync(side.KotaBaruOffice.Id, Ct)).ShouldBeEmpty();

        // Joining from a site the incident does not reach is refused, and takes no number.
        (await Should.ThrowAsync<DomainRuleException>(() => ReportAsync(harness, side.KotaBaruOffice, Dedi, incident.Id))).Error.ShouldBe(IncidentErrors.SiteNotAffected);
        var joined = await ReportAsync(harness, side.Simpang, Sari, incident.Id);
        joined.Number.ShouldBe("TIK-2026-000002");
        (await harness.Get<TicketsDbContext>().Tickets.AsNoTracking().SingleAsync(t => t.Id == joined.Id, Ct)).IncidentId.ShouldBe(incident.Id);
        harness.Audit.Events.ShouldContain(e => e.Action == "ticket.incident-linked" && e.EntityId == joined.Id.ToString());

        await incidents.ResolveAsync(incident.Id, Technician.AsHelpdesk()!, "Perangkat distribusi diganti", Ct);
        (await harness.Get<ReporterTickets>().PageAsync(Sari, 0, 10, cancellationToken: Ct)).Rows.ShouldHaveSingleItem().Status.ShouldBe(TicketStatus.Resolved);

        // A resolved incident takes no new members.
        (await Should.ThrowAsync<DomainRuleException>(() => ReportAsync(harness, side.KantorCamat, Sari, incident.Id))).Error.ShouldBe(IncidentErrors.NotOpen);
    }

    [Fact]
    public async Task The_status_page_shows_open_incidents_by_area_and_nothing_when_all_is_normal()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var side = await ReporterSide.CreateAsync(harness);
        var incidents = harness.Get<TicketIncidents>();
        (await incidents.StatusAsync(Ct)).ShouldBeEmpty();

        var telanai = await ReportAsync(harness, side.Buluran, Rina);
        var kotaBaru = await ReportAsync(harness, side.KotaBaruOffice, Dedi);
        await incidents.CreateAsync(new CreateIncident(side.Telanai.Id, null, [telanai.Id]), Lead.AsHelpdesk()!, Ct);
        harness.Clock.Advance(TimeSpan.FromMinutes(30));
        var second = await incidents.CreateAsync(new CreateIncident(side.KotaBaru.Id, null, [kotaBaru.Id]), Lead.AsHelpdesk()!, Ct);

        var areas = await incidents.StatusAsync(Ct);
        areas.Select(a => (a.Area, a.AffectedSites)).ShouldBe([("Distribusi Telanaipura", 3), ("Distribusi Kota Baru", 1)]);
        areas[1].Since.ShouldBe(harness.Clock.GetUtcNow());

        await incidents.ResolveAsync(second.Id, Lead.AsHelpdesk()!, "Listrik POP pulih", Ct);
        (await incidents.StatusAsync(Ct)).ShouldHaveSingleItem().Area.ShouldBe("Distribusi Telanaipura");
    }
}
