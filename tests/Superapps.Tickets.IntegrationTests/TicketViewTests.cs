using Superapps.SharedKernel;
using Superapps.Testing;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Features.Desk;
using Superapps.Tickets.Features.Live;
using Superapps.Tickets.Features.View;
using static Superapps.Tickets.IntegrationTests.HelpdeskData;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>The ticket page's data by role, and its moves through the desk, on real PostgreSQL.</summary>
public sealed class TicketViewTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_reporter_sees_their_ticket_without_internal_notes_the_helpdesk_sees_everything_and_anyone_else_nothing()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var (_, _, tickets) = await QueueAsync(harness);
        var number = tickets[3].Number;
        var desk = harness.Get<TicketDesk>();
        await desk.CommentAsync(tickets[3].Id, Dewi.AsHelpdesk()!, "Vendor lambat merespons, eskalasi ke manajer akun.", isInternal: true, Ct);
        await desk.CommentAsync(tickets[3].Id, Dewi.AsHelpdesk()!, "Menunggu tim ISP datang.", isInternal: false, Ct);
        await desk.TriageAsync(tickets[3].Id, Budi.AsHelpdesk()!, TicketImpact.ManySites, TicketUrgency.High, Ct);
        var views = harness.Get<TicketViews>();

        var reporter = await views.OpenAsync(Rina, number.ToLowerInvariant(), Ct);
        reporter.ViewerIsReporter.ShouldBeTrue();
        reporter.Comments.Select(c => c.Text).ShouldBe(["Menunggu tim ISP datang."]);
        reporter.History.ShouldNotContain(h => h.Action == TicketAction.Triage);
        reporter.Moves.ShouldBe([TicketMove.CommentVisible], ignoreOrder: true);
        reporter.Priority.ShouldBe(TicketPriority.P1);

        var technician = await views.OpenAsync(Andi, number, Ct);
        technician.Comments.Count.ShouldBe(2);
        technician.Comments.ShouldContain(c => c.IsInternal);
        technician.History.ShouldContain(h => h.Action == TicketAction.Triage);
        technician.Moves.ShouldBe([TicketMove.Resume, TicketMove.CommentVisible, TicketMove.CommentInternal], ignoreOrder: true);
        technician.Sla.VendorElapsed.ShouldBeGreaterThan(TimeSpan.Zero);

        var lead = await views.OpenAsync(Budi, number, Ct);
        lead.Moves.ShouldContain(TicketMove.Triage);
        lead.Moves.ShouldNotContain(TicketMove.Assign);

        // Someone of another OPD, and a number that does not exist, read the same: nothing of the ticket.
        (await Should.ThrowAsync<DomainRuleException>(() => views.OpenAsync(Sari, number, Ct))).Error.ShouldBe(TicketErrors.NotFoundOrNotAllowed);
        (await Should.ThrowAsync<DomainRuleException>(() => views.OpenAsync(Budi, "TIK-2026-999999", Ct))).Error.ShouldBe(TicketErrors.NotFoundOrNotAllowed);
    }

    [Fact]
    public async Task A_technician_takes_starts_and_resolves_and_the_reporter_confirms_each_audited_and_published()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var (_, _, tickets) = await QueueAsync(harness);
        var ticket = tickets[1];
        var views = harness.Get<TicketViews>();
        var desk = harness.Get<TicketDesk>();
        var published = new List<Guid>();
        using var subscription = harness.Get<TicketChanges>().Subscribe(ticket.Id, id =>
        {
            published.Add(id);
            return Task.CompletedTask;
        });

        (await views.OpenAsync(Andi, ticket.Number, Ct)).Moves.ShouldContain(TicketMove.Take);
        await TicketCommands.RunAsync(desk, Andi, ticket.Id, new TicketCommand(TicketMove.Take), Ct);
        (await views.OpenAsync(Dewi, ticket.Number, Ct)).Moves.ShouldNotContain(TicketMove.Take);
        await TicketCommands.RunAsync(desk, Andi, ticket.Id, new TicketCommand(TicketMove.Start), Ct);

        // A resolution needs a note: refused with the bilingual reason, nothing changes.
        var refused = await Should.ThrowAsync<DomainRuleException>(() => TicketCommands.RunAsync(desk, Andi, ticket.Id, new TicketCommand(TicketMove.Resolve, Note: " "), Ct));
        refused.Error.ShouldBe(TicketErrors.NoteRequired);
        (await views.OpenAsync(Andi, ticket.Number, Ct)).Status.ShouldBe(TicketStatus.InProgress);

        await TicketCommands.RunAsync(desk, Andi, ticket.Id, new TicketCommand(TicketMove.Resolve, Note: "Switch di ruang pelayanan diganti."), Ct);
        var resolved = await views.OpenAsync(Rina, ticket.Number, Ct);
        resolved.Moves.ShouldBe([TicketMove.Confirm, TicketMove.Reopen, TicketMove.CommentVisible], ignoreOrder: true);

        // Someone else cannot confirm it (409 semantics: the transition code); the reporter can.
        var notTheirs = await Should.ThrowAsync<DomainRuleException>(() => TicketCommands.RunAsync(desk, Sari, ticket.Id, new TicketCommand(TicketMove.Confirm), Ct));
        notTheirs.Error.Code.ShouldBe(TicketErrors.TransitionCode);
        await TicketCommands.RunAsync(desk, Rina, ticket.Id, new TicketCommand(TicketMove.Confirm), Ct);

        var closed = await views.OpenAsync(Andi, ticket.Number, Ct);
        closed.Status.ShouldBe(TicketStatus.Closed);
        closed.AssigneeName.ShouldBe(Andi.Name);
        closed.History.Select(h => h.Action).ShouldBe([TicketAction.Report, TicketAction.Assign, TicketAction.Start, TicketAction.Resolve, TicketAction.Confirm]);
        harness.Audit.Events.Where(e => e.EntityId == ticket.Id.ToString()).Select(e => e.Action)
            .ShouldBe(["ticket.reported", "ticket.taken", "ticket.started", "ticket.resolved", "ticket.confirmed"]);
        published.Count.ShouldBe(4);
        published.ShouldAllBe(id => id == ticket.Id);
    }

    [Fact]
    public async Task A_reporter_cannot_write_internal_notes_nor_do_helpdesk_work()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var (_, _, tickets) = await QueueAsync(harness);
        var desk = harness.Get<TicketDesk>();

        (await Should.ThrowAsync<DomainRuleException>(() => TicketCommands.RunAsync(desk, Rina, tickets[1].Id, new TicketCommand(TicketMove.CommentInternal, Note: "rahasia"), Ct)))
            .Error.ShouldBe(TicketErrors.ReporterInternalComment);
        (await Should.ThrowAsync<DomainRuleException>(() => TicketCommands.RunAsync(desk, Rina, tickets[1].Id, new TicketCommand(TicketMove.Take), Ct)))
            .Error.Code.ShouldBe(TicketErrors.TransitionCode);
        (await Should.ThrowAsync<DomainRuleException>(() => TicketCommands.RunAsync(desk, Andi, tickets[1].Id, new TicketCommand(TicketMove.Assign, AssigneeUserId: Dewi.UserId), Ct)))
            .Error.Code.ShouldBe(TicketErrors.TransitionCode);
        (await harness.Get<TicketViews>().OpenAsync(Budi, tickets[1].Number, Ct)).Status.ShouldBe(TicketStatus.New);
    }
}
