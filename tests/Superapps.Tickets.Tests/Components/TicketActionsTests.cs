using Bunit;
using Superapps.Testing;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain.Sla;
using Superapps.Tickets.Features.Access;
using Superapps.Tickets.Features.View;
using Superapps.Tickets.Pages.Ticket.Components;

namespace Superapps.Tickets.Tests.Components;

/// <summary>The ticket page's actions and comment form for each role: which moves show, what they send, and that a refusal keeps the typing.</summary>
public sealed class TicketActionsTests : SuperappsComponentTest
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);

    private static readonly TicketPrincipal Reporter = new(Guid.NewGuid(), "Rina", Guid.NewGuid(), false, false);
    private static readonly TicketPrincipal Technician = new(Guid.NewGuid(), "Andi", Guid.NewGuid(), true, false);
    private static readonly TicketPrincipal Lead = new(Guid.NewGuid(), "Budi", Guid.NewGuid(), false, true);

    private readonly List<TicketCommand> _sent = [];
    private bool _accept = true;

    private static TicketView View(TicketStatus status, TicketPrincipal viewer, string? assignee = null)
    {
        var isReporter = viewer == Reporter;
        var clock = new SlaClockReading(TimeSpan.FromHours(2), TimeSpan.FromMinutes(30), Now.AddHours(1), Now.AddMinutes(45), SlaState.Running);
        return new TicketView(Guid.NewGuid(), "TIK-2026-000007", status, TicketPriority.P2, TicketImpact.OneSite, TicketUrgency.High, TicketCategory.InternetDown,
            "Kantor Kelurahan Beringin", "Kelurahan Beringin", "Internet mati.", Reporter.UserId, Reporter.Name, assignee, assignee is null ? null : "Andi", null,
            Now.AddHours(-1), Now, status == TicketStatus.Resolved ? Now : null, null, isReporter, viewer.IsHelpdesk,
            new TicketSlaReading(clock, clock, TimeSpan.Zero), TimeSpan.Zero, [], [], [],
            TicketViews.MovesFor(status, assignee, status == TicketStatus.Resolved ? Now : null, viewer, isReporter, TimeSpan.FromDays(7), Now));
    }

    private Task<bool> Submit(TicketCommand command)
    {
        _sent.Add(command);
        return Task.FromResult(_accept);
    }

    private IRenderedComponent<TicketActions> RenderActions(TicketView view)
    {
        RenderPopoverProvider();
        return Render<TicketActions>(p => p.Add(c => c.View, view).Add(c => c.Submit, Submit)
            .Add(c => c.Technicians, [new TechnicianOption(Technician.UserId, "Andi", "Teknisi Jaringan 1")]).Add(c => c.Teams, ["Tim Jaringan"]));
    }

    private static string[] Buttons(IRenderedComponent<TicketActions> actions) =>
        [.. actions.FindAll("button[data-testid^=ticket-]").Select(b => b.GetAttribute("data-testid")!)];

    [Fact]
    public void A_technician_takes_a_new_ticket_and_neither_triages_nor_assigns()
    {
        var actions = RenderActions(View(TicketStatus.New, Technician));

        Buttons(actions).ShouldBe(["ticket-take"]);
        actions.FindAll("[data-testid=ticket-impact]").ShouldBeEmpty();
        actions.Find("[data-testid=ticket-take]").Click();

        _sent.ShouldHaveSingleItem().Move.ShouldBe(TicketMove.Take);
    }

    [Fact]
    public void The_lead_sees_the_priority_that_impact_and_urgency_give_and_triages_with_them()
    {
        var actions = RenderActions(View(TicketStatus.New, Lead));

        actions.Find("[data-testid=ticket-triage-result]").TextContent.ShouldContain("P2");
        Buttons(actions).ShouldBe(["ticket-triage", "ticket-assign", "ticket-take"], ignoreOrder: true);
        actions.Find("[data-testid=ticket-triage]").Click();
        actions.Find("[data-testid=ticket-assign]").Click();

        _sent[0].ShouldBe(new TicketCommand(TicketMove.Triage, Impact: TicketImpact.OneSite, Urgency: TicketUrgency.High));
        _sent[1].Move.ShouldBe(TicketMove.Assign);
    }

    [Fact]
    public void A_technician_at_work_waits_or_resolves_with_the_note_typed_and_a_refusal_keeps_it()
    {
        var actions = RenderActions(View(TicketStatus.InProgress, Technician, Technician.UserId));
        Buttons(actions).ShouldBe(["ticket-waitforopd", "ticket-waitforvendor", "ticket-resolve"]);

        _accept = false;
        actions.Find("[data-testid=ticket-note]").Change("Konektor SC diganti.");
        actions.Find("[data-testid=ticket-resolve]").Click();
        _sent.ShouldHaveSingleItem().ShouldBe(new TicketCommand(TicketMove.Resolve, Note: "Konektor SC diganti."));
        actions.Find("[data-testid=ticket-note]").GetAttribute("value").ShouldBe("Konektor SC diganti.");

        _accept = true;
        actions.Find("[data-testid=ticket-resolve]").Click();
        _sent.Count.ShouldBe(2);
        actions.Find("[data-testid=ticket-note]").GetAttribute("value").ShouldBeNullOrEmpty();
    }

    [Fact]
    public void The_reporter_confirms_or_reopens_a_resolved_ticket_and_has_nothing_to_do_while_it_is_worked_on()
    {
        var resolved = RenderActions(View(TicketStatus.Resolved, Reporter, Technician.UserId));
        Buttons(resolved).ShouldBe(["ticket-confirm", "ticket-reopen"]);
        resolved.Find("[data-testid=ticket-confirm]").Click();
        _sent.ShouldHaveSingleItem().Move.ShouldBe(TicketMove.Confirm);

        var working = Render<TicketActions>(p => p.Add(c => c.View, View(TicketStatus.InProgress, Reporter, Technician.UserId)).Add(c => c.Submit, Submit));
        working.FindAll("[data-testid=ticket-actions]").ShouldBeEmpty();
    }

    [Fact]
    public void The_reporter_writes_visible_comments_only_and_the_helpdesk_chooses()
    {
        var reporter = Render<TicketComments>(p => p.Add(c => c.View, View(TicketStatus.InProgress, Reporter)).Add(c => c.Submit, Submit));
        reporter.FindAll("[data-testid=ticket-comment-internal-switch]").ShouldBeEmpty();
        reporter.Find("[data-testid=ticket-comment-text]").Change("Sudah dicoba restart modem.");
        reporter.Find("[data-testid=ticket-comment-send]").Click();
        _sent.ShouldHaveSingleItem().ShouldBe(new TicketCommand(TicketMove.CommentVisible, Note: "Sudah dicoba restart modem."));

        var technician = Render<TicketComments>(p => p.Add(c => c.View, View(TicketStatus.InProgress, Technician)).Add(c => c.Submit, Submit));
        technician.Find("input[data-testid=ticket-comment-internal-switch]").Change(true);
        technician.Find("[data-testid=ticket-comment-text]").Change("Kunci di sekretaris lurah.");
        technician.Find("[data-testid=ticket-comment-send]").Click();
        _sent[^1].ShouldBe(new TicketCommand(TicketMove.CommentInternal, Note: "Kunci di sekretaris lurah."));
    }
}
