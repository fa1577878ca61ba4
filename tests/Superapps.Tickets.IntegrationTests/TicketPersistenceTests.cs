using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.SharedKernel;
using Superapps.Testing;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Domain.Sla;
using Superapps.Tickets.Features.Calendar;
using Superapps.Tickets.Features.Desk;
using Superapps.Tickets.Features.Reporting;
using static Superapps.Tickets.IntegrationTests.TicketsHarness;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>A ticket saved and read back with its history, comments and attachments, through the real migrations.</summary>
public sealed class TicketPersistenceTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_ticket_and_its_history_survive_a_round_trip_and_every_change_is_audited()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var site = await harness.SiteAsync();
        var desk = harness.Get<TicketDesk>();

        var reported = await harness.Get<TicketReporting>().ReportAsync(new ReportTicket(site.Id, TicketCategory.InternetDown, "  Internet tidak terkoneksi sejak pagi.  "), Reporter, Ct);
        harness.Clock.Advance(TimeSpan.FromMinutes(20));
        await desk.TriageAsync(reported.Id, Helpdesk, TicketImpact.OneSite, TicketUrgency.High, Ct);
        await desk.AssignAsync(reported.Id, Helpdesk, Technician.UserId, Technician.Name, "Tim Jaringan", Ct);
        harness.Clock.Advance(TimeSpan.FromMinutes(10));
        await desk.StartAsync(reported.Id, Technician, Ct);
        harness.Clock.Advance(TimeSpan.FromMinutes(30));
        await desk.WaitForOpdAsync(reported.Id, Technician, "Ruang server dikunci.", Ct);
        await desk.CommentAsync(reported.Id, Technician, "Kunci dipegang sekretaris lurah.", isInternal: true, Ct);
        harness.Clock.Advance(TimeSpan.FromDays(1));
        await desk.ResumeAsync(reported.Id, Reporter, "Kunci sudah ada di pos satpam.", Ct);
        harness.Clock.Advance(TimeSpan.FromMinutes(45));
        await desk.ResolveAsync(reported.Id, Technician, "Konektor SC diganti.", Ct);
        await using (var scope = harness.NewScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
            var tracked = await db.Tickets.SingleAsync(t => t.Id == reported.Id, Ct);
            tracked.AddAttachment(Technician, "sesudah.jpg", "image/jpeg", 240_000, "tickets/2026/sesudah.jpg", isInternal: false, harness.Clock.GetUtcNow());
            await db.SaveChangesAsync(Ct);
        }

        await using var read = harness.NewScope();
        var ticket = await read.ServiceProvider.GetRequiredService<TicketsDbContext>().Tickets.AsNoTracking()
            .Include(t => t.Events).Include(t => t.Comments).Include(t => t.Attachments)
            .SingleAsync(t => t.Id == reported.Id, Ct);

        ticket.Number.ShouldBe(reported.Number);
        ticket.Number.ShouldBe("TIK-2026-000001");
        ticket.Description.ShouldBe("Internet tidak terkoneksi sejak pagi.");
        ticket.SiteName.ShouldBe("Kantor Kelurahan Telanai Pura");
        ticket.AgencyId.ShouldBe(KecamatanTelanai);
        ticket.NetworkNodeId.ShouldBe(site.NetworkNodeId);
        ticket.Status.ShouldBe(TicketStatus.Resolved);
        ticket.Priority.ShouldBe(TicketPriority.P2);
        ticket.AssigneeUserId.ShouldBe(Technician.UserId);
        ticket.FirstResponseAt.ShouldBe(new DateTimeOffset(2026, 11, 23, 2, 20, 0, TimeSpan.Zero));
        ticket.Events.OrderBy(e => e.Id).Select(e => e.Action).ShouldBe(
            [TicketAction.Report, TicketAction.Triage, TicketAction.Assign, TicketAction.Start, TicketAction.WaitForOpd, TicketAction.Resume, TicketAction.Resolve]);
        ticket.Events.Single(e => e.Action == TicketAction.WaitForOpd).Note.ShouldBe("Ruang server dikunci.");
        ticket.Comments.Single().IsInternal.ShouldBeTrue();
        ticket.Attachments.Single().FileName.ShouldBe("sesudah.jpg");
        ticket.Timeline.Select(c => c.Status).ShouldBe(
            [TicketStatus.New, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.WaitingForOpd, TicketStatus.InProgress, TicketStatus.Resolved]);

        harness.Audit.Events.Where(e => e.Module == TicketsDbContext.Schema && e.EntityId == reported.Id.ToString()).Select(e => e.Action).ShouldBe(
            ["ticket.reported", "ticket.triaged", "ticket.assigned", "ticket.started", "ticket.waiting-for-opd", "ticket.commented", "ticket.resumed", "ticket.resolved"]);

        // The SLA read from the stored history on the stored calendar: 1 h of work on Monday, the day waiting for the OPD not counted.
        var clock = await harness.Get<TicketCalendar>().ClockAsync(Ct);
        var sla = TicketSla.Evaluate(ticket.Timeline, ticket.FirstResponseAt, ticket.Priority, SlaPolicy.Default, clock, harness.Clock.GetUtcNow());
        sla.Response.State.ShouldBe(SlaState.Met);
        sla.Resolution.State.ShouldBe(SlaState.Met);
        sla.Resolution.Elapsed.ShouldBe(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(45));
    }

    [Fact]
    public async Task A_refused_transition_saves_nothing_and_says_why_in_both_languages()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var site = await harness.SiteAsync();
        var reported = await harness.Get<TicketReporting>().ReportAsync(new ReportTicket(site.Id, TicketCategory.Slow, "Lambat sekali."), Reporter, Ct);
        var audited = harness.Audit.Events.Count;

        var refused = await Should.ThrowAsync<DomainRuleException>(() => harness.Get<TicketDesk>().ResolveAsync(reported.Id, Technician, "Selesai"));

        refused.Error.Code.ShouldBe(TicketErrors.TransitionCode);
        refused.Error.Indonesian.ShouldContain("Baru");
        refused.Error.English.ShouldContain("New");
        await using var read = harness.NewScope();
        var ticket = await read.ServiceProvider.GetRequiredService<TicketsDbContext>().Tickets.AsNoTracking().Include(t => t.Events)
            .SingleAsync(t => t.Id == reported.Id, Ct);
        ticket.Status.ShouldBe(TicketStatus.New);
        ticket.Events.Count.ShouldBe(1);
        harness.Audit.Events.Count.ShouldBe(audited);
    }

    [Fact]
    public async Task A_report_for_a_missing_site_or_without_a_description_is_refused_with_every_problem()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);

        var refused = await Should.ThrowAsync<DomainRuleException>(() =>
            harness.Get<TicketReporting>().ReportAsync(new ReportTicket(Guid.NewGuid(), (TicketCategory)99, " "), Reporter, Ct));

        refused.Errors.ShouldBe([TicketErrors.SiteNotFound, TicketErrors.Category, TicketErrors.Description]);
        (await harness.Get<TicketsDbContext>().NumberCounters.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task A_change_made_meanwhile_elsewhere_is_refused_not_overwritten()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var site = await harness.SiteAsync();
        var reported = await harness.Get<TicketReporting>().ReportAsync(new ReportTicket(site.Id, TicketCategory.WiFi, "Wi-Fi aula mati."), Reporter, Ct);
        await using var first = harness.NewScope();
        await using var second = harness.NewScope();
        var firstDb = first.ServiceProvider.GetRequiredService<TicketsDbContext>();
        var stale = await firstDb.Tickets.SingleAsync(t => t.Id == reported.Id, Ct);

        await second.ServiceProvider.GetRequiredService<TicketDesk>().AssignAsync(reported.Id, Helpdesk, null, null, "Tim Jaringan", Ct);
        stale.Assign(Helpdesk, null, null, "Tim Aplikasi", harness.Clock.GetUtcNow());

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => firstDb.SaveChangesAsync(Ct));
    }
}
