using Superapps.SharedKernel;
using Superapps.Tickets.Domain.Sites;

namespace Superapps.Tickets.Tests;

/// <summary>The network tree's rules: a node never moves under itself or below itself, a core stays at the root.</summary>
public sealed class NetworkTreeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private readonly NetworkNode _core = NetworkNode.Core(Guid.NewGuid(), "CORE-DC", "Core", Now);

    private NetworkNode Under(NetworkNode parent, string code) => NetworkNode.Distribution(Guid.NewGuid(), code, "Simpul " + code, parent, Now);

    [Fact]
    public void A_node_moves_under_another_branch()
    {
        var a = Under(_core, "DIST-A");
        var b = Under(_core, "DIST-B");

        a.MoveUnder(b, descendants: []);

        a.ParentId.ShouldBe(b.Id);
    }

    [Fact]
    public void A_node_cannot_move_under_itself()
    {
        var a = Under(_core, "DIST-A");

        var refused = Should.Throw<DomainRuleException>(() => a.MoveUnder(a, []));

        refused.Errors.Single().Code.ShouldBe(SiteErrors.NodeCycleCode);
        refused.Errors[0].Indonesian.ShouldContain("DIST-A");
        refused.Errors[0].English.ShouldContain("cannot move under itself");
        a.ParentId.ShouldBe(_core.Id);
    }

    [Fact]
    public void A_node_cannot_move_under_a_node_below_it()
    {
        var a = Under(_core, "DIST-A");
        var child = Under(a, "DIST-A1");
        var grandchild = Under(child, "DIST-A11");

        var refused = Should.Throw<DomainRuleException>(() => a.MoveUnder(grandchild, [child.Id, grandchild.Id]));

        refused.Errors.Single().Code.ShouldBe(SiteErrors.NodeCycleCode);
        a.ParentId.ShouldBe(_core.Id);
    }

    [Fact]
    public void A_core_never_moves()
    {
        var other = NetworkNode.Core(Guid.NewGuid(), "CORE-DRC", "Core DRC", Now);

        Should.Throw<DomainRuleException>(() => _core.MoveUnder(other, [])).Errors.Single().ShouldBe(SiteErrors.CoreCannotMove);
        _core.ParentId.ShouldBeNull();
    }

    [Fact]
    public void Cycles_in_a_planned_tree_are_found_and_nothing_else()
    {
        var parents = new Dictionary<string, string?>
        {
            ["CORE-DC"] = null,
            ["DIST-A"] = "CORE-DC",
            ["DIST-B"] = "DIST-C",
            ["DIST-C"] = "DIST-D",
            ["DIST-D"] = "DIST-B",
            ["DIST-E"] = "DIST-B",
            ["DIST-F"] = "DIST-F",
        };

        NetworkTree.FindCycles(parents).OrderBy(c => c).ShouldBe(["DIST-B", "DIST-C", "DIST-D", "DIST-F"]);
        NetworkTree.FindCycles(new Dictionary<string, string?> { ["CORE-DC"] = null, ["DIST-A"] = "CORE-DC", ["DIST-A1"] = "DIST-A" }).ShouldBeEmpty();
    }
}
