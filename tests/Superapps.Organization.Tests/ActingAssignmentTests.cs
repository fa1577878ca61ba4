using Superapps.Organization.Contracts;
using Superapps.Organization.Domain;
using Superapps.SharedKernel;

namespace Superapps.Organization.Tests;

public sealed class ActingAssignmentTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private readonly Position _kadis = new(Guid.NewGuid(), Guid.NewGuid(), null, "Kepala Dinas", PositionLevel.KepalaOpd, null);
    private readonly Guid _sekretaris = Guid.NewGuid();

    private ActingAssignment Plt(DateOnly start, DateOnly end, PositionLevel? holderLevel = PositionLevel.Kabid, IEnumerable<ActingAssignment>? existing = null, Guid? employee = null) =>
        ActingAssignment.Create(Guid.NewGuid(), employee ?? _sekretaris, holderLevel, _kadis, null, HoldingKind.Plt, start, end, "800/1/BKPSDM/2026", existing ?? []);

    [Fact]
    public void An_assignment_is_active_from_its_first_to_its_last_day_inclusive()
    {
        var plt = Plt(Monday, Monday.AddDays(6));

        plt.IsActiveOn(Monday.AddDays(-1)).ShouldBeFalse();
        plt.IsActiveOn(Monday).ShouldBeTrue();
        plt.IsActiveOn(Monday.AddDays(6)).ShouldBeTrue();
        plt.IsActiveOn(Monday.AddDays(7)).ShouldBeFalse();
    }

    [Fact]
    public void A_cancelled_assignment_is_never_active()
    {
        var plt = Plt(Monday, Monday.AddDays(6));
        plt.Cancel();

        plt.IsActiveOn(Monday).ShouldBeFalse();
    }

    [Fact]
    public void An_end_before_the_start_is_rejected()
    {
        Should.Throw<DomainRuleException>(() => Plt(Monday, Monday.AddDays(-1)))
            .Errors.Select(e => e.Code).ShouldContain("organization.acting.window");
    }

    [Fact]
    public void Three_months_is_the_longest_window()
    {
        Should.NotThrow(() => Plt(Monday, Monday.AddMonths(3)));
        Should.Throw<DomainRuleException>(() => Plt(Monday, Monday.AddMonths(3).AddDays(1)))
            .Errors.Select(e => e.Code).ShouldContain("organization.acting.too-long");
    }

    [Theory]
    [InlineData(PositionLevel.KepalaOpd, true)]
    [InlineData(PositionLevel.Kabid, true)]
    [InlineData(PositionLevel.Kasi, false)]
    [InlineData(PositionLevel.Staf, false)]
    [InlineData(PositionLevel.Sekda, false)]
    public void The_holder_ranks_the_same_or_one_below(PositionLevel holderLevel, bool allowed)
    {
        if (allowed)
        {
            Should.NotThrow(() => Plt(Monday, Monday.AddDays(5), holderLevel));
        }
        else
        {
            Should.Throw<DomainRuleException>(() => Plt(Monday, Monday.AddDays(5), holderLevel))
                .Errors.Select(e => e.Code).ShouldContain("organization.acting.rank");
        }
    }

    [Fact]
    public void Overlapping_assignments_for_one_position_are_rejected_but_adjacent_ones_are_not()
    {
        var first = Plt(Monday, Monday.AddDays(9));

        Should.Throw<DomainRuleException>(() => Plt(Monday.AddDays(9), Monday.AddDays(20), existing: [first], employee: Guid.NewGuid()))
            .Errors.Select(e => e.Code).ShouldContain("organization.acting.overlap");
        Should.NotThrow(() => Plt(Monday.AddDays(10), Monday.AddDays(20), existing: [first], employee: Guid.NewGuid()));
    }

    [Fact]
    public void Plt_needs_a_vacant_position_and_Plh_needs_a_holder()
    {
        var holder = Guid.NewGuid();
        Should.Throw<DomainRuleException>(() => ActingAssignment.Create(Guid.NewGuid(), _sekretaris, PositionLevel.Kabid, _kadis, holder, HoldingKind.Plt, Monday, Monday, null, []))
            .Errors.Select(e => e.Code).ShouldContain("organization.acting.plt-vacancy");
        Should.Throw<DomainRuleException>(() => ActingAssignment.Create(Guid.NewGuid(), _sekretaris, PositionLevel.Kabid, _kadis, null, HoldingKind.Plh, Monday, Monday, null, []))
            .Errors.Select(e => e.Code).ShouldContain("organization.acting.plh-holder");
        Should.NotThrow(() => ActingAssignment.Create(Guid.NewGuid(), _sekretaris, PositionLevel.Kabid, _kadis, holder, HoldingKind.Plh, Monday, Monday, null, []));
    }

    [Fact]
    public void Nobody_acts_for_their_own_position()
    {
        Should.Throw<DomainRuleException>(() => ActingAssignment.Create(Guid.NewGuid(), _sekretaris, PositionLevel.KepalaOpd, _kadis, _sekretaris, HoldingKind.Plh, Monday, Monday, null, []))
            .Errors.Select(e => e.Code).ShouldContain("organization.acting.own-position");
    }
}
