using System.Reflection;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Superapps.SharedKernel;
using Superapps.Testing;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Features.Incidents;
using Superapps.Tickets.Features.Reporting;
using Superapps.Tickets.Pages.Incidents;
using Superapps.Tickets.Pages.Status;
using static Superapps.Tickets.IntegrationTests.ReporterSide;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>
/// The incidents list, an incident's page and the network status page on PostgreSQL: proposals from the tree, the lead opening an
/// incident (a technician sees the proposal but cannot), resolving with a note (the lead and a technician), and the status by area.
/// </summary>
public sealed class IncidentPagesTests(PostgresServer server) : TicketsPageTest(server)
{
    private ReporterSide _side = null!;
    private ReportedTicket _buluran = null!;
    private ReportedTicket _simpang = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _side = await ReporterSide.CreateAsync(Harness);
        var reporting = Harness.Get<TicketReporting>();
        _buluran = await reporting.ReportAsync(new ReportTicket(_side.Buluran.Id, TicketCategory.InternetDown, "Internet tidak terkoneksi."), Rina, Ct);
        _simpang = await reporting.ReportAsync(new ReportTicket(_side.Simpang.Id, TicketCategory.InternetDown, "Internet mati sejak pagi."), Sari, Ct);
        Harness.Audit.Clear();
    }

    private Task<IncidentSummary> OpenIncidentAsync() =>
        Harness.Get<TicketIncidents>().CreateAsync(new CreateIncident(_side.Telanai.Id, null, [_buluran.Id, _simpang.Id]), Lead.AsHelpdesk()!, Ct);

    [Fact]
    public void The_incident_pages_are_for_the_helpdesk_and_the_status_page_for_every_employee()
    {
        typeof(IncidentsPage).GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(TicketsPortalModule.HelpdeskPolicy);
        typeof(IncidentPage).GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(TicketsPortalModule.HelpdeskPolicy);
        typeof(NetworkStatusPage).GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(Policies.Employee);
    }

    [Fact]
    public void The_lead_sees_the_proposal_and_Gabungkan_opens_the_incident_which_then_is_listed_open()
    {
        SignIn(Lead);
        var page = Render<IncidentsPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=proposal-title]").TextContent.ShouldBe("2 lokasi di belakang Distribusi Telanaipura melaporkan gangguan"), Wait);
        page.Find("[data-testid=incident-proposal]").TextContent.ShouldContain($"{_buluran.Number} (Kantor Lurah Buluran Kenali)");
        page.FindAll("[data-testid=open-incident]").ShouldBeEmpty();
        page.Find("[data-testid=proposal-group]").TextContent.Trim().ShouldBe("Gabungkan");

        page.Find("[data-testid=proposal-group]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=open-incident]").TextContent.ShouldContain("INS-2026-0001 · Gangguan jaringan di Distribusi Telanaipura"), Wait);
        Text(page.Find("[data-testid=open-incident]")).ShouldContain("2 dari 2 tiket terbuka · 3 lokasi di belakang Distribusi Telanaipura");
        page.FindAll("[data-testid=incident-proposal]").ShouldBeEmpty();
        page.FindAll("[data-testid=no-proposals]").Count.ShouldBe(1);
        Harness.Audit.Events.Count(e => e.Action == "incident.created").ShouldBe(1);
        Harness.Audit.Events.Count(e => e.Action == "ticket.incident-linked").ShouldBe(2);
    }

    [Fact]
    public void A_technician_without_the_lead_policy_sees_the_proposal_but_no_Gabungkan()
    {
        SignIn(Technician);
        var page = Render<IncidentsPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=incident-proposal]").Count.ShouldBe(1), Wait);
        page.FindAll("[data-testid=proposal-group]").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_lead_resolves_an_incident_a_missing_note_is_refused_in_place_and_the_note_resolves_every_child()
    {
        var incident = await OpenIncidentAsync();
        Harness.Audit.Clear();
        SignIn(Lead);
        var page = Render<IncidentPage>(p => p.Add(x => x.IncidentId, incident.Id));

        page.WaitForAssertion(() => page.FindAll("[data-testid=incident-child]").Count.ShouldBe(2), Wait);
        page.Find("[data-testid=incident-status]").TextContent.ShouldBe("Sedang ditangani");

        page.Find("[data-testid=incident-resolve]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=errors]").TextContent.ShouldContain("Catatan penyelesaian wajib diisi"), Wait);
        page.Find("[data-testid=incident-status]").TextContent.ShouldBe("Sedang ditangani");
        Harness.Audit.Events.ShouldBeEmpty();

        Input(page, "incident-note").Change("Kabel distribusi disambung ulang");
        page.Find("[data-testid=incident-resolve]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=incident-status]").TextContent.ShouldBe("Selesai"), Wait);
        page.FindAll("[data-testid=errors]").ShouldBeEmpty();
        page.FindAll("[data-testid=incident-child]").Select(Text).ShouldAllBe(t => t.Contains("Selesai dikerjakan"));
        page.FindAll("[data-testid=incident-resolve]").ShouldBeEmpty();
        page.FindAll("[data-testid=incident-unlink]").ShouldBeEmpty();
        page.Markup.ShouldContain("Kabel distribusi disambung ulang");
        Harness.Audit.Events.Count(e => e.Action == "incident.resolved").ShouldBe(1);
        Harness.Audit.Events.Count(e => e.Action == "ticket.resolved").ShouldBe(2);
    }

    [Fact]
    public async Task A_technician_without_the_lead_policy_resolves_too_and_reads_the_refusal_in_English()
    {
        UseEnglish();
        var incident = await OpenIncidentAsync();
        SignIn(Technician);
        var page = Render<IncidentPage>(p => p.Add(x => x.IncidentId, incident.Id));
        page.WaitForAssertion(() => page.FindAll("[data-testid=incident-child]").Count.ShouldBe(2), Wait);

        Input(page, "incident-note").Change("   ");
        page.Find("[data-testid=incident-resolve]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=errors]").TextContent.ShouldContain("A resolution note is required"), Wait);

        Input(page, "incident-note").Change("ODP replaced");
        page.Find("[data-testid=incident-resolve]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=incident-status]").TextContent.ShouldBe("Resolved"), Wait);
        Harness.Audit.Events.ShouldContain(e => e.Action == "incident.resolved");
    }

    [Fact]
    public void An_incident_that_does_not_exist_says_so()
    {
        SignIn(Technician);
        var page = Render<IncidentPage>(p => p.Add(x => x.IncidentId, Guid.NewGuid()));

        page.WaitForAssertion(() => page.Markup.ShouldContain("Insiden tidak ditemukan."), Wait);
        page.FindAll("[data-testid=incident-resolve]").ShouldBeEmpty();
    }

    [Fact]
    public void The_status_page_says_all_services_are_normal_when_no_incident_is_open()
    {
        SignIn(Rina);
        var page = Render<NetworkStatusPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=status-all-normal]").TextContent.ShouldContain("Semua layanan normal"), Wait);
        page.FindAll("[data-testid=status-area]").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_status_page_shows_an_open_incident_under_its_area_with_the_sites_affected_and_since_when()
    {
        await OpenIncidentAsync();
        Harness.Clock.Advance(TimeSpan.FromHours(1).Add(TimeSpan.FromMinutes(5)));
        SignIn(Rina);
        var page = Render<NetworkStatusPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=status-area]").Count.ShouldBe(1), Wait);
        page.FindAll("[data-testid=status-all-normal]").ShouldBeEmpty();
        Text(page.Find("[data-testid=status-outages]")).ShouldStartWith("1 gangguan sedang ditangani.");
        page.Find("[data-testid=status-area-name]").TextContent.ShouldBe("Distribusi Telanaipura");
        page.Find("[data-testid=status-area-sites]").TextContent.Trim().ShouldBe("3 lokasi terdampak");
        Text(page.Find("[data-testid=status-incident-since]")).ShouldContain("INS-2026-0001 · Distribusi Telanaipura · sejak");
        page.Find("[data-testid=status-incident-since]").TextContent.ShouldContain("(1 jam 5 menit)");
    }
}
