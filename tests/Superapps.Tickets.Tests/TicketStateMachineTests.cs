using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain;
using static Superapps.Tickets.Tests.TicketBuilder;

namespace Superapps.Tickets.Tests;

/// <summary>The ticket life cycle as a table (ADR 0006): every status by every action by every kind of actor.</summary>
public sealed class TicketStateMachineTests
{
    private static readonly TimeSpan AutoCloseAfter = TimeSpan.FromDays(3);
    private static readonly TimeSpan ReopenWindow = TimeSpan.FromDays(7);

    /// <summary>Four days after the report: past the automatic close, within the reopen window.</summary>
    private static readonly DateTimeOffset ActAt = Reported.AddDays(4);

    public enum Who
    {
        Reporter,
        OtherReporter,
        Helpdesk,
        Technician,
        System,
    }

    public static readonly TicketAction[] Transitions =
    [
        TicketAction.Triage, TicketAction.Assign, TicketAction.Start, TicketAction.WaitForOpd, TicketAction.WaitForVendor,
        TicketAction.Resume, TicketAction.Resolve, TicketAction.Confirm, TicketAction.Reopen, TicketAction.AutoClose,
    ];

    private static TicketActor ActorOf(Who who) => who switch
    {
        Who.Reporter => Reporter,
        Who.OtherReporter => OtherReporter,
        Who.Helpdesk => Helpdesk,
        Who.Technician => Technician,
        _ => TicketActor.System,
    };

    /// <summary>The allowed moves and where they lead; everything else is refused.</summary>
    private static TicketStatus? Expected(TicketStatus status, TicketAction action, Who who) => (status, action, who) switch
    {
        (not (TicketStatus.Resolved or TicketStatus.Closed), TicketAction.Triage, Who.Helpdesk) => status,
        (TicketStatus.New or TicketStatus.Assigned or TicketStatus.InProgress or TicketStatus.Reopened, TicketAction.Assign, Who.Helpdesk) => TicketStatus.Assigned,
        (TicketStatus.Assigned or TicketStatus.Reopened, TicketAction.Start, Who.Helpdesk or Who.Technician) => TicketStatus.InProgress,
        (TicketStatus.InProgress, TicketAction.WaitForOpd, Who.Helpdesk or Who.Technician) => TicketStatus.WaitingForOpd,
        (TicketStatus.InProgress, TicketAction.WaitForVendor, Who.Helpdesk or Who.Technician) => TicketStatus.WaitingForVendor,
        (TicketStatus.WaitingForOpd, TicketAction.Resume, Who.Helpdesk or Who.Technician or Who.Reporter) => TicketStatus.InProgress,
        (TicketStatus.WaitingForVendor, TicketAction.Resume, Who.Helpdesk or Who.Technician) => TicketStatus.InProgress,
        (TicketStatus.InProgress, TicketAction.Resolve, Who.Helpdesk or Who.Technician) => TicketStatus.Resolved,
        (TicketStatus.Resolved, TicketAction.Confirm, Who.Reporter) => TicketStatus.Closed,
        (TicketStatus.Resolved or TicketStatus.Closed, TicketAction.Reopen, Who.Reporter) => TicketStatus.Reopened,
        (TicketStatus.Resolved, TicketAction.AutoClose, Who.System) => TicketStatus.Closed,
        _ => null,
    };

    private static void Do(Ticket ticket, TicketAction action, TicketActor actor)
    {
        switch (action)
        {
            case TicketAction.Triage:
                ticket.Triage(actor, TicketImpact.ManySites, TicketUrgency.High, ActAt);
                break;
            case TicketAction.Assign:
                ticket.Assign(actor, "user-dewi", "Dewi (Teknisi)", null, ActAt);
                break;
            case TicketAction.Start:
                ticket.Start(actor, ActAt);
                break;
            case TicketAction.WaitForOpd:
                ticket.WaitForOpd(actor, "Mohon akses ke ruang server.", ActAt);
                break;
            case TicketAction.WaitForVendor:
                ticket.WaitForVendor(actor, "Tiket ISP #4471", ActAt);
                break;
            case TicketAction.Resume:
                ticket.Resume(actor, null, ActAt);
                break;
            case TicketAction.Resolve:
                ticket.Resolve(actor, "Perangkat diganti.", ActAt);
                break;
            case TicketAction.Confirm:
                ticket.Confirm(actor, ActAt);
                break;
            case TicketAction.Reopen:
                ticket.Reopen(actor, "Masih terputus.", ReopenWindow, ActAt);
                break;
            case TicketAction.AutoClose:
                ticket.AutoClose(actor, AutoCloseAfter, ActAt);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    public static TheoryData<TicketStatus, TicketAction, Who> Table()
    {
        var data = new TheoryData<TicketStatus, TicketAction, Who>();
        foreach (var status in Enum.GetValues<TicketStatus>())
        {
            foreach (var action in Transitions)
            {
                foreach (var who in Enum.GetValues<Who>())
                {
                    data.Add(status, action, who);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Every_status_action_and_actor_is_allowed_or_refused_as_the_table_says(TicketStatus status, TicketAction action, Who who)
    {
        var ticket = InState(status);
        ticket.Status.ShouldBe(status);
        var events = ticket.Events.Count;
        var expected = Expected(status, action, who);

        if (expected is { } next)
        {
            Do(ticket, action, ActorOf(who));

            ticket.Status.ShouldBe(next);
            ticket.Events.Count.ShouldBe(events + 1);
            ticket.Events[^1].Action.ShouldBe(action);
            ticket.Events[^1].FromStatus.ShouldBe(status);
            ticket.Events[^1].ToStatus.ShouldBe(next);
            ticket.Events[^1].ActorUserId.ShouldBe(ActorOf(who).UserId);
        }
        else
        {
            var refused = Should.Throw<DomainRuleException>(() => Do(ticket, action, ActorOf(who)));

            refused.Error.Code.ShouldBe(TicketErrors.TransitionCode);
            refused.Error.Indonesian.ShouldNotBeNullOrWhiteSpace();
            refused.Error.English.ShouldNotBeNullOrWhiteSpace();
            refused.Error.Indonesian.ShouldNotBe(refused.Error.English);
            ticket.Status.ShouldBe(status);
            ticket.Events.Count.ShouldBe(events);
        }
    }

    [Fact]
    public void The_table_allows_some_moves_and_refuses_most()
    {
        // Guards against a table that allows nothing or everything.
        var rows = Table().Select(r => Expected(r.Data.Item1, r.Data.Item2, r.Data.Item3)).ToList();

        rows.Count.ShouldBe(8 * 10 * 5);
        rows.Count(r => r is not null).ShouldBe(29);
    }

    [Fact]
    public void A_refused_status_change_names_the_status_and_the_action_in_both_languages()
    {
        var ticket = InState(TicketStatus.Closed);

        var refused = Should.Throw<DomainRuleException>(() => ticket.Resolve(Technician, "x", ActAt));

        refused.Error.Indonesian.ShouldContain("Ditutup");
        refused.Error.Indonesian.ShouldContain("menyelesaikan");
        refused.Error.English.ShouldContain("Closed");
        refused.Error.English.ShouldContain("resolve");
    }

    [Fact]
    public void The_reporter_cannot_reopen_after_the_window()
    {
        var ticket = InState(TicketStatus.Closed);

        var refused = Should.Throw<DomainRuleException>(() => ticket.Reopen(Reporter, "Putus lagi", ReopenWindow, ticket.ResolvedAt!.Value + ReopenWindow + TimeSpan.FromMinutes(1)));

        refused.Error.ShouldBe(TicketErrors.ReopenWindowPassed);
        ticket.Status.ShouldBe(TicketStatus.Closed);
    }

    [Fact]
    public void Reopening_needs_a_reason_and_counts_the_reopenings()
    {
        var ticket = InState(TicketStatus.Resolved);

        Should.Throw<DomainRuleException>(() => ticket.Reopen(Reporter, "  ", ReopenWindow, ActAt)).Error.ShouldBe(TicketErrors.NoteRequired);
        ticket.Reopen(Reporter, "Masih putus", ReopenWindow, ActAt);

        ticket.ReopenCount.ShouldBe(1);
        ticket.ClosedAt.ShouldBeNull();
    }

    [Fact]
    public void The_system_closes_a_resolved_ticket_only_when_it_is_due()
    {
        var ticket = InState(TicketStatus.Resolved);
        var resolved = ticket.ResolvedAt!.Value;

        Should.Throw<DomainRuleException>(() => ticket.AutoClose(TicketActor.System, AutoCloseAfter, resolved + AutoCloseAfter - TimeSpan.FromSeconds(1)))
            .Error.ShouldBe(TicketErrors.AutoCloseNotDue);
        ticket.AutoClose(TicketActor.System, AutoCloseAfter, resolved + AutoCloseAfter);

        ticket.Status.ShouldBe(TicketStatus.Closed);
        ticket.ClosedAt.ShouldBe(resolved + AutoCloseAfter);
    }

    [Theory]
    [InlineData(TicketAction.WaitForOpd)]
    [InlineData(TicketAction.WaitForVendor)]
    [InlineData(TicketAction.Resolve)]
    public void Waiting_and_resolving_need_a_note(TicketAction action)
    {
        var ticket = InState(TicketStatus.InProgress);

        var refused = Should.Throw<DomainRuleException>(() =>
        {
            switch (action)
            {
                case TicketAction.WaitForOpd:
                    ticket.WaitForOpd(Technician, null, ActAt);
                    break;
                case TicketAction.WaitForVendor:
                    ticket.WaitForVendor(Technician, " ", ActAt);
                    break;
                default:
                    ticket.Resolve(Technician, "", ActAt);
                    break;
            }
        });

        refused.Error.ShouldBe(TicketErrors.NoteRequired);
        ticket.Status.ShouldBe(TicketStatus.InProgress);
    }

    [Fact]
    public void Assignment_needs_a_technician_or_a_team_and_the_first_one_ends_the_response_clock()
    {
        var ticket = New();

        Should.Throw<DomainRuleException>(() => ticket.Assign(Helpdesk, null, null, " ", ActAt)).Error.ShouldBe(TicketErrors.AssigneeRequired);
        ticket.Assign(Helpdesk, null, null, "Tim Jaringan", Reported.AddMinutes(5));
        ticket.Assign(Helpdesk, "user-andi", "Andi", null, Reported.AddMinutes(50));

        ticket.FirstResponseAt.ShouldBe(Reported.AddMinutes(5));
        ticket.AssigneeName.ShouldBe("Andi");
        ticket.AssignedTeam.ShouldBeNull();
    }

    [Fact]
    public void A_report_gets_its_number_the_priority_of_its_category_and_a_first_history_line()
    {
        var ticket = New(TicketCategory.FibreCut);

        ticket.Number.ShouldBe("TIK-2026-000123");
        ticket.Status.ShouldBe(TicketStatus.New);
        ticket.Priority.ShouldBe(TicketPriority.P2);
        ticket.Events.Single().Action.ShouldBe(TicketAction.Report);
        ticket.Timeline.Single().ShouldBe(new Domain.Sla.StatusChange(Reported, TicketStatus.New));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_report_without_a_description_is_refused(string description)
    {
        var refused = Should.Throw<DomainRuleException>(() =>
            Ticket.Report(Guid.NewGuid(), new TicketNumber(2026, 1), Site, TicketCategory.Slow, description, Reporter, Reported));

        refused.Error.ShouldBe(TicketErrors.Description);
    }

    [Fact]
    public void Only_reporters_report()
    {
        Should.Throw<DomainRuleException>(() => Ticket.Report(Guid.NewGuid(), new TicketNumber(2026, 1), Site, TicketCategory.Slow, "Lambat", Technician, Reported))
            .Error.Code.ShouldBe(TicketErrors.TransitionCode);
    }

    [Fact]
    public void Triage_sets_the_priority_from_the_matrix_and_records_the_change()
    {
        var ticket = New(TicketCategory.Slow);

        ticket.Triage(Helpdesk, TicketImpact.ManySites, TicketUrgency.Medium, ActAt);

        ticket.Priority.ShouldBe(TicketPriority.P2);
        ticket.Events[^1].Note.ShouldBe("P3 → P2");
        ticket.Timeline.Count.ShouldBe(1);
    }
}
