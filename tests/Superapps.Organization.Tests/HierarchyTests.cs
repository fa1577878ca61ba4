using Superapps.Organization.Contracts;
using Superapps.Organization.Domain;
using Superapps.SharedKernel;

namespace Superapps.Organization.Tests;

public sealed class HierarchyTests
{
    private static readonly Guid Agency = Guid.NewGuid();
    private readonly Position _walikota = new(Guid.NewGuid(), Agency, null, "Walikota", PositionLevel.Walikota, null);
    private readonly Position _sekda;
    private readonly Position _kadis;
    private readonly Position _kabid;
    private readonly Position _staf;

    public HierarchyTests()
    {
        _sekda = new Position(Guid.NewGuid(), Agency, null, "Sekretaris Daerah", PositionLevel.Sekda, _walikota.Id);
        _kadis = new Position(Guid.NewGuid(), Agency, null, "Kepala Dinas", PositionLevel.KepalaOpd, _sekda.Id);
        _kabid = new Position(Guid.NewGuid(), Agency, null, "Kepala Bidang", PositionLevel.Kabid, _kadis.Id);
        _staf = new Position(Guid.NewGuid(), Agency, null, "Staf", PositionLevel.Staf, _kabid.Id);
    }

    private Dictionary<Guid, Guid?> ReportsTo() => new[] { _walikota, _sekda, _kadis, _kabid, _staf }.ToDictionary(p => p.Id, p => p.ReportsToId);

    [Fact]
    public void Positions_below_are_found_through_every_level()
    {
        Hierarchy.IsBelow(_walikota.Id, _staf.Id, ReportsTo()).ShouldBeTrue();
        Hierarchy.IsBelow(_kadis.Id, _kabid.Id, ReportsTo()).ShouldBeTrue();
    }

    [Fact]
    public void A_superior_is_not_below_its_subordinate_nor_below_itself()
    {
        Hierarchy.IsBelow(_staf.Id, _kadis.Id, ReportsTo()).ShouldBeFalse();
        Hierarchy.IsBelow(_kabid.Id, _kabid.Id, ReportsTo()).ShouldBeFalse();
    }

    [Fact]
    public void A_higher_ranked_superior_is_accepted()
    {
        Should.NotThrow(() => Hierarchy.CheckReportsTo(_staf, _kadis, ReportsTo()));
    }

    [Fact]
    public void Reporting_to_itself_is_rejected()
    {
        Should.Throw<DomainRuleException>(() => Hierarchy.CheckReportsTo(_kabid, _kabid, ReportsTo()))
            .Error.Code.ShouldBe("organization.position.reports-to-self");
    }

    [Fact]
    public void A_cycle_is_rejected_before_rank()
    {
        // Make the Kepala Dinas report to the Staf below it: the chain above the Staf reaches the Kepala Dinas.
        Should.Throw<DomainRuleException>(() => Hierarchy.CheckReportsTo(_kadis, _staf, ReportsTo()))
            .Error.Code.ShouldBe("organization.position.reports-to-cycle");
    }

    [Fact]
    public void A_superior_of_equal_or_lower_rank_is_rejected()
    {
        var otherKabid = new Position(Guid.NewGuid(), Agency, null, "Kepala Bidang Lain", PositionLevel.Kabid, _kadis.Id);
        var map = ReportsTo();
        map[otherKabid.Id] = otherKabid.ReportsToId;

        Should.Throw<DomainRuleException>(() => Hierarchy.CheckReportsTo(_kabid, otherKabid, map))
            .Error.Code.ShouldBe("organization.position.reports-to-rank");
    }

    [Fact]
    public void A_cycle_already_in_the_data_does_not_hang_the_lookup()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var map = new Dictionary<Guid, Guid?> { [a] = b, [b] = a };

        Hierarchy.IsBelow(Guid.NewGuid(), a, map).ShouldBeFalse();
    }
}
