using Superapps.Letters.Contracts;
using Superapps.Letters.Domain;
using Superapps.SharedKernel;

namespace Superapps.Letters.Tests;

public sealed class DispositionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly Actor Kepala = new(Guid.NewGuid(), "Dra. Yusmaini", Guid.NewGuid(), "Kepala Dinas Komunikasi dan Informatika");
    private static readonly Guid Kabid = Guid.NewGuid();

    private static Disposition Give(DateTimeOffset? deadline = null, params string[] instructions) =>
        Disposition.Give(Guid.NewGuid(), Guid.NewGuid(), null, Kepala, Kabid, "Kepala Bidang Aplikasi dan Informatika", Guid.NewGuid(), "Daniel",
            instructions.Length == 0 ? ["Tindak lanjuti"] : instructions, "Segera koordinasikan", deadline, Now);

    [Theory]
    [InlineData(Urgency.SangatSegera, 24)]
    [InlineData(Urgency.Segera, 48)]
    public void The_default_deadline_follows_the_urgency(Urgency urgency, int hours) =>
        Disposition.DefaultDeadline(urgency, Now).ShouldBe(Now.AddHours(hours));

    [Fact]
    public void An_ordinary_letter_has_no_default_deadline() => Disposition.DefaultDeadline(Urgency.Biasa, Now).ShouldBeNull();

    [Fact]
    public void A_deadline_in_the_past_and_no_instruction_are_both_reported()
    {
        var error = Should.Throw<DomainRuleException>(() => Disposition.Give(Guid.NewGuid(), Guid.NewGuid(), null, Kepala, Kabid, "Kabid", null, null,
            ["  "], null, Now.AddMinutes(-1), Now));

        error.Errors.ShouldBe([LetterErrors.NoInstruction, LetterErrors.DeadlineInPast]);
    }

    [Fact]
    public void Repeated_instructions_are_kept_once_and_free_ones_are_allowed()
    {
        var disposition = Give(null, "Laksanakan", "laksanakan", "Undang camat se-kota");

        disposition.Instructions.ShouldBe(["Laksanakan", "Undang camat se-kota"]);
    }

    [Fact]
    public void The_first_opening_is_the_read_receipt_and_later_ones_change_nothing()
    {
        var disposition = Give();

        disposition.MarkRead(Now.AddMinutes(5)).ShouldBeTrue();
        disposition.MarkRead(Now.AddMinutes(9)).ShouldBeFalse();

        disposition.ReadAt.ShouldBe(Now.AddMinutes(5));
        disposition.Status.ShouldBe(DispositionStatus.Read);
    }

    [Fact]
    public void A_disposition_can_be_cancelled_by_its_giver_while_unread_only()
    {
        var unread = Give();
        var read = Give();
        read.MarkRead(Now);

        Should.Throw<DomainRuleException>(() => unread.Cancel(Kabid, Now)).Error.ShouldBe(LetterErrors.NotGiver);
        unread.Cancel(Kepala.PositionId, Now);
        Should.Throw<DomainRuleException>(() => read.Cancel(Kepala.PositionId, Now)).Error.ShouldBe(LetterErrors.CancelAfterRead);

        unread.Status.ShouldBe(DispositionStatus.Cancelled);
    }

    [Fact]
    public void The_recipient_completes_with_a_report_and_the_giver_accepts_or_reopens()
    {
        var disposition = Give();

        Should.Throw<DomainRuleException>(() => disposition.Complete(Kabid, "  ", Now)).Error.ShouldBe(LetterErrors.ReportRequired);
        Should.Throw<DomainRuleException>(() => disposition.Complete(Kepala.PositionId, "Sudah", Now)).Error.ShouldBe(LetterErrors.NotYours);
        disposition.Complete(Kabid, "Rapat koordinasi sudah dilaksanakan.", Now);
        disposition.Reopen(Kepala.PositionId, "Lampirkan notulen.");

        disposition.Status.ShouldBe(DispositionStatus.InProgress);
        disposition.Note.ShouldNotBeNull().ShouldContain("Lampirkan notulen.");
        disposition.Complete(Kabid, "Notulen terlampir.", Now.AddHours(1));
        disposition.Accept(Kepala.PositionId, Now.AddHours(2));
        disposition.AcceptedAt.ShouldBe(Now.AddHours(2));
    }

    [Fact]
    public void Nodes_turn_due_soon_a_day_before_the_deadline_and_overdue_after_it()
    {
        var disposition = Give(Now.AddHours(48));

        DispositionTree.StateOf(disposition, Now).ShouldBe(NodeState.Unread);
        DispositionTree.StateOf(disposition, Now.AddHours(25)).ShouldBe(NodeState.DueSoon);
        DispositionTree.StateOf(disposition, Now.AddHours(49)).ShouldBe(NodeState.Overdue);
        disposition.Complete(Kabid, "Selesai.", Now.AddHours(50));
        DispositionTree.StateOf(disposition, Now.AddHours(51)).ShouldBe(NodeState.Done);
    }

    [Fact]
    public void A_letter_is_finished_when_every_live_disposition_is_done_and_accepted()
    {
        var first = Give();
        var second = Give();
        var cancelled = Give();
        cancelled.Cancel(Kepala.PositionId, Now);
        var tree = new DispositionTree([first, second, cancelled]);

        new DispositionTree([]).IsFinished.ShouldBeFalse();
        first.Complete(Kabid, "Selesai.", Now);
        first.Accept(Kepala.PositionId, Now);
        tree.IsFinished.ShouldBeFalse();
        second.Complete(Kabid, "Selesai.", Now);
        tree.IsFinished.ShouldBeFalse();
        second.Accept(Kepala.PositionId, Now);
        tree.IsFinished.ShouldBeTrue();
    }

    [Fact]
    public void The_tree_groups_children_under_their_parent()
    {
        var top = Give();
        var down = Disposition.Give(Guid.NewGuid(), top.LetterId, top.Id, new Actor(Guid.NewGuid(), "Daniel", Kabid, "Kabid"), Guid.NewGuid(), "Staf", null, null,
            ["Siapkan bahan"], null, null, Now.AddMinutes(1));

        var tree = new DispositionTree([down, top]);

        tree.Roots.ShouldBe([top]);
        tree.ChildrenOf(top.Id).ShouldBe([down]);
        tree.PositionsOnChain.ShouldBe([Kepala.PositionId, Kabid, down.ToPositionId], ignoreOrder: true);
    }
}
