using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.SharedKernel;
using Superapps.Testing;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain.Sites;
using Superapps.Tickets.Features.Sites;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>Changing the register on PostgreSQL: node moves (loops refused by the recursive query), site edits, moves, deactivation; all audited.</summary>
public sealed class SiteRegisterTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(NetworkNode Core, NetworkNode A, NetworkNode A1, NetworkNode A11, NetworkNode B)> TreeAsync(SiteRegister register)
    {
        var core = await register.AddCoreAsync("CORE-DC", "Core", Ct);
        var a = await register.AddDistributionAsync("DIST-A", "Distribusi A", core.Id, Ct);
        var a1 = await register.AddDistributionAsync("DIST-A1", "Distribusi A1", a.Id, Ct);
        var a11 = await register.AddDistributionAsync("DIST-A11", "Distribusi A11", a1.Id, Ct);
        var b = await register.AddDistributionAsync("DIST-B", "Distribusi B", core.Id, Ct);
        return (core, a, a1, a11, b);
    }

    private static async Task<Guid?> ParentInDatabaseAsync(TicketsHarness harness, Guid nodeId)
    {
        await using var scope = harness.NewScope();
        return await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().NetworkNodes.Where(n => n.Id == nodeId).Select(n => n.ParentId).SingleAsync(Ct);
    }

    [Fact]
    public async Task A_node_moves_with_everything_below_it_and_the_move_is_audited()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var register = harness.Get<SiteRegister>();
        var (_, a, a1, _, b) = await TreeAsync(register);
        var site = await register.AddSiteAsync(new SiteDetails("KEL-A1", "Kantor Kelurahan A1", SiteKind.Kelurahan, TicketsHarness.KecamatanTelanai, "Kecamatan Telanaipura",
            null, null, null), a1.Id, Ct);

        await register.MoveNodeAsync(a1.Id, b.Id, Ct);

        (await ParentInDatabaseAsync(harness, a1.Id)).ShouldBe(b.Id);
        (await harness.Get<INetworkSites>().SitesBehindNodeAsync(b.Id, Ct)).Select(s => s.Id).ShouldBe([site.Id]);
        (await harness.Get<INetworkSites>().SitesBehindNodeAsync(a.Id, Ct)).ShouldBeEmpty();
        harness.Audit.Events.ShouldContain(e => e.Action == "node.moved" && e.EntityId == a1.Id.ToString() && e.Summary.Contains("DIST-B"));
    }

    [Fact]
    public async Task A_node_moved_under_its_own_descendant_is_refused_and_the_tree_stays()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var register = harness.Get<SiteRegister>();
        var (core, a, a1, a11, _) = await TreeAsync(register);

        (await register.DescendantsAsync(a.Id, Ct)).ShouldBe([a1.Id, a11.Id], ignoreOrder: true);
        var refused = await Should.ThrowAsync<DomainRuleException>(() => register.MoveNodeAsync(a.Id, a11.Id, Ct));
        refused.Errors.Single().Code.ShouldBe(SiteErrors.NodeCycleCode);
        refused.Errors[0].Indonesian.ShouldContain("DIST-A");
        refused.Errors[0].English.ShouldContain("below it");

        var itself = await Should.ThrowAsync<DomainRuleException>(() => harness.NewScope().ServiceProvider.GetRequiredService<SiteRegister>().MoveNodeAsync(a.Id, a.Id, Ct));
        itself.Errors.Single().Code.ShouldBe(SiteErrors.NodeCycleCode);
        var coreMove = await Should.ThrowAsync<DomainRuleException>(() => harness.NewScope().ServiceProvider.GetRequiredService<SiteRegister>().MoveNodeAsync(core.Id, a.Id, Ct));
        coreMove.Errors.Single().ShouldBe(SiteErrors.CoreCannotMove);

        (await ParentInDatabaseAsync(harness, a.Id)).ShouldBe(core.Id);
        (await ParentInDatabaseAsync(harness, a11.Id)).ShouldBe(a1.Id);
        harness.Audit.Events.ShouldNotContain(e => e.Action == "node.moved");
    }

    [Fact]
    public async Task A_site_is_edited_moved_and_deactivated_but_kept_and_every_change_is_audited()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var site = await harness.SiteAsync("KEL-TELANAI");
        var register = harness.Get<SiteRegister>();
        var (_, _, _, _, b) = await TreeAsync(register);

        var details = SiteRegister.Details(site) with { Name = "Kantor Kelurahan Telanai Pura (baru)", Latitude = -1.6, Longitude = 103.6 };
        await register.UpdateSiteAsync(site.Id, details, site.NetworkNodeId, Ct);
        await register.MoveSiteAsync(site.Id, b.Id, Ct);
        var bad = await Should.ThrowAsync<DomainRuleException>(() => register.UpdateSiteAsync(site.Id, details with { Latitude = -91 }, b.Id, Ct));
        bad.Errors.Single().Code.ShouldBe("tickets.site.latitude");

        await using (var scope = harness.NewScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().Sites.SingleAsync(s => s.Id == site.Id, Ct);
            saved.Name.ShouldBe("Kantor Kelurahan Telanai Pura (baru)");
            saved.Latitude.ShouldBe(-1.6);
            saved.NetworkNodeId.ShouldBe(b.Id);
        }

        await register.DeactivateSiteAsync(site.Id, Ct);
        (await Should.ThrowAsync<DomainRuleException>(() => register.DeactivateSiteAsync(site.Id, Ct))).Errors.Single().ShouldBe(SiteErrors.SiteInactive);
        (await harness.Get<INetworkSites>().SitesOfAgencyAsync(TicketsHarness.KecamatanTelanai, Ct)).ShouldBeEmpty();
        var (all, total) = await harness.Get<SiteQueries>().SitesAsync(new SiteFilter(IncludeInactive: true), 0, 50, Ct);
        total.ShouldBe(1);
        all[0].IsActive.ShouldBeFalse();
        harness.Audit.Events.Select(e => e.Action).ShouldContain("site.updated");
        harness.Audit.Events.Select(e => e.Action).ShouldContain("site.moved");
        harness.Audit.Events.Select(e => e.Action).ShouldContain("site.deactivated");
    }

    [Fact]
    public async Task The_register_page_reads_the_tree_in_order_and_filters_sites_in_the_database()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var register = harness.Get<SiteRegister>();
        var (_, a, a1, _, b) = await TreeAsync(register);
        await register.AddSiteAsync(new SiteDetails("SMPN-1", "SMP Negeri 1", SiteKind.School, TicketsHarness.Diskominfo, "Dinas Pendidikan", null, null, null), a1.Id, Ct);
        await register.AddSiteAsync(new SiteDetails("KEL-B", "Kantor Kelurahan B", SiteKind.Kelurahan, TicketsHarness.KecamatanTelanai, "Kecamatan Telanaipura", null, null, null), b.Id, Ct);

        var tree = await harness.Get<SiteQueries>().TreeAsync(Ct);
        tree.Select(n => (n.Code, n.Depth)).ShouldBe([("CORE-DC", 0), ("DIST-A", 1), ("DIST-A1", 2), ("DIST-A11", 3), ("DIST-B", 1)]);
        tree.Single(n => n.Code == "DIST-A1").Sites.ShouldBe(1);

        var queries = harness.Get<SiteQueries>();
        (await queries.SitesAsync(new SiteFilter(Text: "smp"), 0, 10, Ct)).Items.Single().Code.ShouldBe("SMPN-1");
        (await queries.SitesAsync(new SiteFilter(Kind: SiteKind.Kelurahan), 0, 10, Ct)).Items.Single().NodeCode.ShouldBe("DIST-B");
        (await queries.SitesAsync(new SiteFilter(AgencyId: TicketsHarness.Diskominfo), 0, 10, Ct)).Total.ShouldBe(1);
        (await queries.SitesAsync(new SiteFilter(Text: "100%_"), 0, 10, Ct)).Total.ShouldBe(0);
        (await queries.SitesAsync(new SiteFilter(NodeId: a.Id), 0, 10, Ct)).Total.ShouldBe(0);
    }
}
