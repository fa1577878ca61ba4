using Superapps.Letters.Domain;
using Superapps.SharedKernel;

namespace Superapps.Letters.Tests;

/// <summary>Reminders and escalation by deadline, as a table of node states by times.</summary>
public sealed class DeadlineRulesTests
{
    private static readonly DateTimeOffset SentAt = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly Actor Kepala = new(Guid.NewGuid(), "Dra. Yusmaini", Guid.NewGuid(), "Kepala Dinas Komunikasi dan Informatika");
    private static readonly Guid Kabid = Guid.NewGuid();

    public enum State
    {
        Unread,
        Read,
        InProgress,
        Done,
        Accepted,
        Cancelled,
        Reminded,
        Escalated,
    }

    public enum Expect
    {
        Nothing,
        Remind,
        Escalate,
    }

    /// <summary>Hours given until the deadline, and how many hours after sending the job looks at the node.</summary>
    public static TheoryData<State, int, int, Expect> Table() => new()
    {
        // A 48-hour (Segera) disposition: reminded a day before, escalated once past.
        { State.Unread, 48, 1, Expect.Nothing },
        { State.Unread, 48, 23, Expect.Nothing },
        { State.Unread, 48, 24, Expect.Remind },
        { State.Unread, 48, 28, Expect.Remind },
        { State.Read, 48, 28, Expect.Remind },
        { State.InProgress, 48, 47, Expect.Remind },
        { State.Unread, 48, 48, Expect.Nothing },
        { State.Unread, 48, 49, Expect.Escalate },
        { State.InProgress, 48, 100, Expect.Escalate },

        // A 24-hour (Sangat Segera) disposition: reminded halfway, not minutes after it arrived.
        { State.Unread, 24, 1, Expect.Nothing },
        { State.Unread, 24, 12, Expect.Remind },
        { State.Read, 24, 25, Expect.Escalate },

        // Once each per deadline.
        { State.Reminded, 48, 30, Expect.Nothing },
        { State.Reminded, 48, 49, Expect.Escalate },
        { State.Escalated, 48, 60, Expect.Nothing },

        // Finished or cancelled nodes are left alone.
        { State.Done, 48, 30, Expect.Nothing },
        { State.Done, 48, 60, Expect.Nothing },
        { State.Accepted, 48, 30, Expect.Nothing },
        { State.Accepted, 48, 60, Expect.Nothing },
        { State.Cancelled, 48, 30, Expect.Nothing },
        { State.Cancelled, 48, 60, Expect.Nothing },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void A_node_is_reminded_or_escalated_by_its_state_and_the_time(State state, int hoursGiven, int hoursLater, Expect expect)
    {
        var disposition = Node(state, hoursGiven);
        var now = SentAt.AddHours(hoursLater);

        disposition.IsReminderDue(now).ShouldBe(expect == Expect.Remind);
        disposition.IsEscalationDue(now).ShouldBe(expect == Expect.Escalate);
        var remind = Record.Exception(() => disposition.Remind(now));
        var escalate = Record.Exception(() => disposition.Escalate(now));

        if (expect == Expect.Remind)
        {
            remind.ShouldBeNull();
            disposition.RemindedAt.ShouldBe(now);
        }
        else
        {
            remind.ShouldBeOfType<DomainRuleException>().Error.ShouldBe(LetterErrors.ReminderNotDue);
        }

        if (expect == Expect.Escalate)
        {
            escalate.ShouldBeNull();
            disposition.EscalatedAt.ShouldBe(now);
        }
        else
        {
            escalate.ShouldBeOfType<DomainRuleException>().Error.ShouldBe(LetterErrors.EscalationNotDue);
        }
    }

    [Fact]
    public void A_disposition_without_a_deadline_is_never_reminded_nor_escalated()
    {
        var disposition = Give(null);

        disposition.IsReminderDue(SentAt.AddDays(30)).ShouldBeFalse();
        disposition.IsEscalationDue(SentAt.AddDays(30)).ShouldBeFalse();
    }

    [Fact]
    public void A_reminder_and_an_escalation_go_out_once()
    {
        var disposition = Give(SentAt.AddHours(48));
        disposition.Remind(SentAt.AddHours(30));
        disposition.Escalate(SentAt.AddHours(50));

        Should.Throw<DomainRuleException>(() => disposition.Remind(SentAt.AddHours(31))).Error.ShouldBe(LetterErrors.ReminderNotDue);
        Should.Throw<DomainRuleException>(() => disposition.Escalate(SentAt.AddHours(51))).Error.ShouldBe(LetterErrors.EscalationNotDue);
        disposition.RemindedAt.ShouldBe(SentAt.AddHours(30));
        disposition.EscalatedAt.ShouldBe(SentAt.AddHours(50));
    }

    [Fact]
    public void A_reopen_keeps_the_deadline_and_its_marks_but_a_new_deadline_gets_its_own_reminder_and_escalation()
    {
        var escalatedAt = SentAt.AddHours(50);
        var reopened = Node(State.Escalated, 48);
        reopened.Complete(Kabid, "Sudah", escalatedAt.AddHours(1));
        reopened.Reopen(Kepala.PositionId, "Belum lengkap");
        reopened.IsEscalationDue(escalatedAt.AddHours(2)).ShouldBeFalse("a reopen without a new deadline does not escalate the same deadline again");

        var extended = Node(State.Escalated, 48);
        extended.Complete(Kabid, "Sudah", escalatedAt.AddHours(1));
        var now = escalatedAt.AddHours(2);
        extended.Reopen(Kepala.PositionId, "Belum lengkap", now.AddHours(48), now);

        extended.Deadline.ShouldBe(now.AddHours(48));
        extended.RemindedAt.ShouldBeNull();
        extended.EscalatedAt.ShouldBeNull();
        extended.IsReminderDue(now.AddHours(30)).ShouldBeTrue();
        extended.IsEscalationDue(now.AddHours(49)).ShouldBeTrue();
        Should.Throw<DomainRuleException>(() => Node(State.Done, 48).Reopen(Kepala.PositionId, "x", now.AddHours(-1), now))
            .Error.ShouldBe(LetterErrors.DeadlineInPast);
    }

    private static Disposition Give(DateTimeOffset? deadline) =>
        Disposition.Give(Guid.NewGuid(), Guid.NewGuid(), null, Kepala, Kabid, "Kepala Bidang Aplikasi dan Informatika", Guid.NewGuid(), "Daniel",
            ["Tindak lanjuti"], null, deadline, SentAt);

    private static Disposition Node(State state, int hoursGiven)
    {
        var deadline = SentAt.AddHours(hoursGiven);
        var d = Give(deadline);
        switch (state)
        {
            case State.Read:
                d.MarkRead(SentAt.AddMinutes(5));
                break;
            case State.InProgress:
                d.Start(Kabid);
                break;
            case State.Done:
                d.Complete(Kabid, "Sudah dilaksanakan", SentAt.AddHours(2));
                break;
            case State.Accepted:
                d.Complete(Kabid, "Sudah dilaksanakan", SentAt.AddHours(2));
                d.Accept(Kepala.PositionId, SentAt.AddHours(3));
                break;
            case State.Cancelled:
                d.Cancel(Kepala.PositionId, SentAt.AddMinutes(1));
                break;
            case State.Reminded:
                d.Remind(deadline.AddHours(-20));
                break;
            case State.Escalated:
                d.Escalate(deadline.AddHours(1));
                break;
        }

        return d;
    }
}
