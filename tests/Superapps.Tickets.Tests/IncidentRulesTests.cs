using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Domain.Incidents;
using static Superapps.Tickets.Tests.TicketBuilder;

namespace Superapps.Tickets.Tests;

/// <summary>Tickets under a parent incident: linking, unlinking, and the parent's resolution resolving every open child.</summary>
public sealed class IncidentRulesTests
{
    private static readonly Guid IncidentId = Guid.NewGuid();
    private static readonly DateTimeOffset Later = Reported.AddHours(3);

    public static TheoryData<TicketStatus> OpenStatuses =>
        [TicketStatus.New, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.WaitingForOpd, TicketStatus.WaitingForVendor, TicketStatus.Reopened];

    private static Incident OpenIncident() =>
        Incident.Open(IncidentId, 2026, 1, null, new IncidentNode(Guid.NewGuid(), "DIST-TELANAI", "POP Telanaipura", "POP Telanaipura"), Helpdesk, Reported);

    [Theory]
    [MemberData(nameof(OpenStatuses))]
    public void The_parent_resolution_resolves_an_open_child_in_any_working_status(TicketStatus status)
    {
        var ticket = InState(status);
        ticket.LinkToIncident(IncidentId, Helpdesk, Later);

        ticket.ResolveFromIncident(IncidentId, Technician, "Kabel distribusi disambung ulang.", Later.AddHours(1));

        ticket.Status.ShouldBe(TicketStatus.Resolved);
        ticket.ResolvedAt.ShouldBe(Later.AddHours(1));
        ticket.FirstResponseAt.ShouldNotBeNull();
        var last = ticket.Events[^1];
        (last.Action, last.FromStatus, last.ToStatus, last.Note).ShouldBe((TicketAction.Resolve, status, TicketStatus.Resolved, "Kabel distribusi disambung ulang."));
        ticket.Timeline[^1].Status.ShouldBe(TicketStatus.Resolved);
        // The reporter then confirms as for any resolved ticket.
        ticket.Confirm(Reporter, Later.AddHours(2));
        ticket.Status.ShouldBe(TicketStatus.Closed);
    }

    [Theory]
    [InlineData(TicketStatus.Resolved)]
    [InlineData(TicketStatus.Closed)]
    public void A_finished_ticket_is_neither_linked_nor_resolved_again(TicketStatus status)
    {
        var ticket = InState(status);
        var events = ticket.Events.Count;

        Should.Throw<DomainRuleException>(() => ticket.LinkToIncident(IncidentId, Helpdesk, Later)).Error.Code.ShouldBe(TicketErrors.TransitionCode);
        Should.Throw<DomainRuleException>(() => ticket.ResolveFromIncident(IncidentId, Helpdesk, "x", Later)).Error.ShouldBe(TicketErrors.NotInIncident);

        ticket.IncidentId.ShouldBeNull();
        ticket.Events.Count.ShouldBe(events);
    }

    [Fact]
    public void Only_a_child_of_that_incident_is_resolved_by_it_and_a_note_is_required()
    {
        var ticket = InState(TicketStatus.InProgress);
        Should.Throw<DomainRuleException>(() => ticket.ResolveFromIncident(IncidentId, Helpdesk, "x", Later)).Error.ShouldBe(TicketErrors.NotInIncident);
        ticket.LinkToIncident(IncidentId, Helpdesk, Later);

        Should.Throw<DomainRuleException>(() => ticket.ResolveFromIncident(Guid.NewGuid(), Helpdesk, "x", Later)).Error.ShouldBe(TicketErrors.NotInIncident);
        Should.Throw<DomainRuleException>(() => ticket.ResolveFromIncident(IncidentId, Helpdesk, " ", Later)).Error.ShouldBe(TicketErrors.NoteRequired);
        Should.Throw<DomainRuleException>(() => ticket.ResolveFromIncident(IncidentId, Reporter, "beres", Later)).Error.Code.ShouldBe(TicketErrors.TransitionCode);

        ticket.Status.ShouldBe(TicketStatus.InProgress);
    }

    [Fact]
    public void A_ticket_belongs_to_one_incident_at_a_time_and_linking_twice_to_the_same_changes_nothing()
    {
        var ticket = InState(TicketStatus.Assigned);
        ticket.LinkToIncident(IncidentId, Technician, Later);
        var events = ticket.Events.Count;

        ticket.LinkToIncident(IncidentId, Helpdesk, Later);
        ticket.Events.Count.ShouldBe(events);
        Should.Throw<DomainRuleException>(() => ticket.LinkToIncident(Guid.NewGuid(), Helpdesk, Later)).Error.ShouldBe(TicketErrors.AlreadyInIncident);

        ticket.UnlinkFromIncident(Helpdesk, Later);
        ticket.IncidentId.ShouldBeNull();
        ticket.Status.ShouldBe(TicketStatus.Assigned);
        ticket.Events[^1].Action.ShouldBe(TicketAction.IncidentUnlink);
        Should.Throw<DomainRuleException>(() => ticket.UnlinkFromIncident(Helpdesk, Later)).Error.ShouldBe(TicketErrors.NotInIncident);
    }

    [Fact]
    public void The_reporter_joins_an_incident_only_with_their_own_new_ticket_and_never_unlinks()
    {
        var fresh = New();
        Should.Throw<DomainRuleException>(() => fresh.LinkToIncident(IncidentId, OtherReporter, Later)).Error.ShouldBe(TicketErrors.NotTheReporter);
        fresh.LinkToIncident(IncidentId, Reporter, Later);
        fresh.IncidentId.ShouldBe(IncidentId);
        Should.Throw<DomainRuleException>(() => fresh.UnlinkFromIncident(Reporter, Later)).Error.Code.ShouldBe(TicketErrors.TransitionCode);

        var working = InState(TicketStatus.InProgress);
        Should.Throw<DomainRuleException>(() => working.LinkToIncident(IncidentId, Reporter, Later)).Error.Code.ShouldBe(TicketErrors.TransitionCode);
        Should.Throw<DomainRuleException>(() => working.LinkToIncident(IncidentId, TicketActor.System, Later)).Error.Code.ShouldBe(TicketErrors.TransitionCode);
    }

    [Fact]
    public void Only_the_lead_opens_an_incident_and_the_helpdesk_resolves_it_once_with_a_note()
    {
        Should.Throw<DomainRuleException>(() =>
            Incident.Open(Guid.NewGuid(), 2026, 1, null, new IncidentNode(Guid.NewGuid(), "N", "Node", "Area"), Technician, Reported)).Error.ShouldBe(IncidentErrors.LeadOnly);
        var incident = OpenIncident();
        incident.Number.ShouldBe("INS-2026-0001");
        incident.Title.ShouldBe("Gangguan jaringan di POP Telanaipura");

        Should.Throw<DomainRuleException>(() => incident.Resolve(Reporter, "x", Later)).Error.ShouldBe(IncidentErrors.HelpdeskOnly);
        Should.Throw<DomainRuleException>(() => incident.Resolve(Technician, "", Later)).Error.ShouldBe(IncidentErrors.ResolutionNote);
        incident.IsOpen.ShouldBeTrue();

        incident.Resolve(Technician, "  Kabel disambung.  ", Later).ShouldBe("Kabel disambung.");
        (incident.Status, incident.ResolvedAt, incident.ResolvedByName).ShouldBe((IncidentStatus.Resolved, (DateTimeOffset?)Later, Technician.Name));
        Should.Throw<DomainRuleException>(() => incident.Resolve(Technician, "lagi", Later)).Error.ShouldBe(IncidentErrors.NotOpen);
    }
}
