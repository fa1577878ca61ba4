using Superapps.Tickets.Domain.Incidents;

namespace Superapps.Tickets.Tests;

/// <summary>Grouping open tickets by the network tree: the lowest node covering at least two sites, and joins to open incidents.</summary>
public sealed class IncidentProposalsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    // CORE ── DIST-A ── DIST-A1 (sites a1x, a1y)
    //     │         └── (site a)
    //     └── DIST-B (sites b1, b2)
    private static readonly ProposalNode Core = new(Guid.NewGuid(), null, "CORE-DC", "Core", IsCore: true);
    private static readonly ProposalNode DistA = new(Guid.NewGuid(), Core.Id, "DIST-A", "Distribusi A", false);
    private static readonly ProposalNode DistA1 = new(Guid.NewGuid(), DistA.Id, "DIST-A1", "ODC A1", false);
    private static readonly ProposalNode DistB = new(Guid.NewGuid(), Core.Id, "DIST-B", "Distribusi B", false);
    private static readonly IReadOnlyList<ProposalNode> Nodes = [Core, DistA, DistA1, DistB];

    private static int _sequence;

    private static ProposalTicket Ticket(ProposalNode node, string site, Guid? siteId = null) =>
        new(Guid.NewGuid(), $"TIK-2026-{++_sequence:000000}", siteId ?? SiteIds.GetOrAdd(site, _ => Guid.NewGuid()), site, node.Id, T0.AddMinutes(_sequence));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Guid> SiteIds = new();

    [Fact]
    public void Two_sites_behind_a_node_are_proposed_under_the_lowest_node_covering_them()
    {
        var a1x = Ticket(DistA1, "a1x");
        var a1y = Ticket(DistA1, "a1y");
        var a = Ticket(DistA, "a");

        var proposals = IncidentProposals.Propose(Nodes, [a1x, a1y, a], []);

        var proposal = proposals.ShouldHaveSingleItem();
        proposal.NodeId.ShouldBe(DistA1.Id);
        proposal.IncidentId.ShouldBeNull();
        proposal.Tickets.ShouldBe([a1x, a1y]);
        proposal.SiteCount.ShouldBe(2);
        proposal.Title.Indonesian.ShouldBe("2 lokasi di belakang ODC A1 melaporkan gangguan");
        proposal.Title.English.ShouldBe("2 sites behind ODC A1 report a fault");
    }

    [Fact]
    public void Sites_in_different_branches_are_grouped_at_their_common_distribution_node_and_never_at_the_core()
    {
        var a1x = Ticket(DistA1, "a1x");
        var a = Ticket(DistA, "a");
        var b1 = Ticket(DistB, "b1");

        var proposal = IncidentProposals.Propose(Nodes, [a1x, a, b1], []).ShouldHaveSingleItem();

        proposal.NodeId.ShouldBe(DistA.Id);
        proposal.Tickets.ShouldBe([a1x, a], ignoreOrder: true);
    }

    [Fact]
    public void Several_tickets_of_one_site_are_not_an_incident()
    {
        var siteId = Guid.NewGuid();
        IncidentProposals.Propose(Nodes, [Ticket(DistB, "b1", siteId), Ticket(DistB, "b1", siteId), Ticket(DistA, "a")], []).ShouldBeEmpty();
    }

    [Fact]
    public void Tickets_behind_an_open_incident_are_proposed_to_join_it_even_alone()
    {
        var incident = new ProposalIncident(Guid.NewGuid(), "INS-2026-0001", DistA.Id);
        var a1x = Ticket(DistA1, "a1x");
        var b1 = Ticket(DistB, "b1");
        var b2 = Ticket(DistB, "b2");

        var proposals = IncidentProposals.Propose(Nodes, [a1x, b1, b2], [incident]);

        proposals.Count.ShouldBe(2);
        proposals[0].IncidentId.ShouldBe(incident.Id);
        proposals[0].Tickets.ShouldBe([a1x]);
        proposals[0].Title.Indonesian.ShouldBe("1 tiket baru di belakang Distribusi A dapat bergabung ke INS-2026-0001");
        proposals[1].NodeId.ShouldBe(DistB.Id);
        proposals[1].Tickets.ShouldBe([b1, b2]);
    }

    [Fact]
    public void The_lineage_walks_up_to_the_core_and_stops_on_a_cycle()
    {
        var byId = Nodes.ToDictionary(n => n.Id);
        IncidentProposals.Lineage(DistA1.Id, byId).ShouldBe([DistA1.Id, DistA.Id, Core.Id]);

        var x = Guid.NewGuid();
        var y = Guid.NewGuid();
        var cyclic = new Dictionary<Guid, ProposalNode> { [x] = new(x, y, "X", "X", false), [y] = new(y, x, "Y", "Y", false) };
        IncidentProposals.Lineage(x, cyclic).ShouldBe([x, y]);
    }
}
