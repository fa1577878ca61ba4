using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Organization;
using Superapps.Organization.Contracts;
using Superapps.Testing;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain.Sites;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>The demo network built from the real demo organisation chart (Organization module, seeded): core, city hall, one node per kecamatan.</summary>
public sealed class DemoSitesSeederTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_network_has_a_core_the_city_hall_node_and_one_node_per_kecamatan_with_its_kelurahan_behind_it()
    {
        await using var services = await ModuleServices.CreateAsync(server, s =>
        {
            s.AddOrganizationModule();
            s.AddTicketsModule();
        }, seedDemo: true);
        await using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        var agencies = await scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>().ListAgenciesAsync(Ct);
        var nodes = await db.NetworkNodes.AsNoTracking().ToListAsync(Ct);
        var sites = await db.Sites.AsNoTracking().ToListAsync(Ct);

        var core = nodes.Single(n => n.Kind == NetworkNodeKind.Core);
        core.Code.ShouldBe("CORE-DC");
        nodes.Single(n => n.Code == "DIST-PEMKOT").ParentId.ShouldBe(core.Id);
        var kecamatan = agencies.Where(a => a.Kind == AgencyKind.Kecamatan).ToList();
        kecamatan.ShouldNotBeEmpty();
        nodes.Count.ShouldBe(2 + kecamatan.Count);
        nodes.Where(n => n.Code != "CORE-DC").ShouldAllBe(n => n.ParentId == core.Id);

        foreach (var area in kecamatan)
        {
            var node = nodes.Single(n => n.Code == "DIST-" + area.Code["KEC-".Length..]);
            sites.Single(s => s.AgencyId == area.AgencyId).NetworkNodeId.ShouldBe(node.Id, $"{area.Code}'s office");
            foreach (var kelurahan in agencies.Where(a => a.Kind == AgencyKind.Kelurahan && a.ParentAgencyId == area.AgencyId))
            {
                sites.Single(s => s.AgencyId == kelurahan.AgencyId).NetworkNodeId.ShouldBe(node.Id, $"{kelurahan.Code} hangs off its kecamatan's node");
            }

            sites.ShouldContain(s => s.Kind == SiteKind.School && s.NetworkNodeId == node.Id);
        }

        var beringin = sites.Single(s => s.Code == "KEL-BERINGIN");
        nodes.Single(n => n.Id == beringin.NetworkNodeId).Code.ShouldBe("DIST-PASARDEMO");
        var cityHall = nodes.Single(n => n.Code == "DIST-PEMKOT").Id;
        sites.Where(s => s.Kind == SiteKind.OpdOffice).ShouldAllBe(s => s.NetworkNodeId == cityHall);
        sites.Single(s => s.Kind == SiteKind.DataCentre).NetworkNodeId.ShouldBe(core.Id);

        // Behind the kecamatan's node: every kelurahan of it (what an incident on that uplink takes down).
        var behind = await scope.ServiceProvider.GetRequiredService<INetworkSites>().SitesBehindNodeAsync(beringin.NetworkNodeId, Ct);
        behind.ShouldContain(s => s.Id == beringin.Id);
        behind.ShouldAllBe(s => s.Kind != SiteKind.OpdOffice);

        // A second start adds nothing.
        await Superapps.Modularity.DatabaseInitializationExtensions.InitializeDatabaseAsync(services.Services, migrate: true, seedDemo: true, Ct);
        (await db.NetworkNodes.CountAsync(Ct)).ShouldBe(nodes.Count);
        (await db.Sites.CountAsync(Ct)).ShouldBe(sites.Count);
    }
}
