using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain.Sites;

namespace Superapps.Tickets.Tests;

public sealed class SiteRulesTests
{
    private static readonly SiteDetails Telanai = new(" kel-telanai ", " Kantor Kelurahan Telanai Pura ", SiteKind.Kelurahan, Guid.NewGuid(),
        "Kecamatan Telanaipura", " Jl. Arif Rahman Hakim ", -1.6101, 103.6131);

    [Fact]
    public void Details_are_trimmed_and_the_code_upper_cased()
    {
        var clean = SiteRules.Check(Telanai);

        clean.Code.ShouldBe("KEL-TELANAI");
        clean.Name.ShouldBe("Kantor Kelurahan Telanai Pura");
        clean.Address.ShouldBe("Jl. Arif Rahman Hakim");
    }

    [Theory]
    [InlineData(-91, 103, "tickets.site.latitude")]
    [InlineData(91, 103, "tickets.site.latitude")]
    [InlineData(-1.6, 181, "tickets.site.longitude")]
    [InlineData(-1.6, -180.5, "tickets.site.longitude")]
    [InlineData(double.NaN, 103, "tickets.site.latitude")]
    public void Coordinates_out_of_range_are_refused(double latitude, double longitude, string code)
    {
        var refused = Should.Throw<DomainRuleException>(() => SiteRules.Check(Telanai with { Latitude = latitude, Longitude = longitude }));

        refused.Errors.Select(e => e.Code).ShouldBe([code]);
        refused.Error.Indonesian.ShouldNotBe(refused.Error.English);
    }

    [Fact]
    public void Coordinates_come_in_pairs_or_not_at_all()
    {
        SiteRules.Check(Telanai with { Latitude = null, Longitude = null }).Latitude.ShouldBeNull();
        Should.Throw<DomainRuleException>(() => SiteRules.Check(Telanai with { Longitude = null })).Error.ShouldBe(SiteErrors.CoordinatesPair);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_field()
    {
        var refused = Should.Throw<DomainRuleException>(() => SiteRules.Check(new SiteDetails("x", "", (SiteKind)42, Guid.Empty, "", null, null, null)));

        refused.Errors.Select(e => e.Field).ShouldBe(["code", "name", "kind", "agency"]);
    }

    [Fact]
    public void A_distribution_node_hangs_off_its_parent_and_a_core_off_nothing()
    {
        var core = NetworkNode.Core(Guid.NewGuid(), "core-dc", "Core Data Center", DateTimeOffset.UnixEpoch);
        var dist = NetworkNode.Distribution(Guid.NewGuid(), "DIST-TELANAI", "POP Telanaipura", core, DateTimeOffset.UnixEpoch);

        core.ParentId.ShouldBeNull();
        core.Code.ShouldBe("CORE-DC");
        dist.ParentId.ShouldBe(core.Id);
        Should.Throw<DomainRuleException>(() => NetworkNode.Core(Guid.NewGuid(), "?", "", DateTimeOffset.UnixEpoch)).Errors.Count.ShouldBe(2);
    }
}
