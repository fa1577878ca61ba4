using Superapps.Testing;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain.Sites;
using Superapps.Tickets.Features.Sites;
using Superapps.SharedKernel;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>"Which sites share this uplink": the recursive query over the network tree, on PostgreSQL.</summary>
public sealed class SitesBehindNodeTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_node_answers_with_every_active_site_behind_it_at_any_depth()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var register = harness.Get<SiteRegister>();
        var core = await register.AddCoreAsync("CORE-DC", "Core Data Center Diskominfo", Ct);
        var telanai = await register.AddDistributionAsync("DIST-TELANAI", "POP Telanaipura", core.Id, Ct);
        var telanaiSchools = await register.AddDistributionAsync("DIST-TELANAI-SD", "ODC sekolah Telanaipura", telanai.Id, Ct);
        var kotaBaru = await register.AddDistributionAsync("DIST-KOTABARU", "POP Kota Baru", core.Id, Ct);

        async Task<Site> Add(string code, SiteKind kind, DistributionOrCore node) =>
            await register.AddSiteAsync(new SiteDetails(code, $"Lokasi {code}", kind, TicketsHarness.KecamatanTelanai, "Kecamatan Telanaipura", null, null, null), node.Id, Ct);
        var kantorCamat = await Add("KEC-TELANAI", SiteKind.Kecamatan, new(telanai.Id));
        var kelurahan = await Add("KEL-BULURAN", SiteKind.Kelurahan, new(telanai.Id));
        var sd = await Add("SDN-47", SiteKind.School, new(telanaiSchools.Id));
        var closed = await Add("SDN-OLD", SiteKind.School, new(telanaiSchools.Id));
        var kotaBaruSite = await Add("KEC-KOTABARU", SiteKind.Kecamatan, new(kotaBaru.Id));
        var dataCentre = await Add("DC-DISKOMINFO", SiteKind.DataCentre, new(core.Id));
        var db = harness.Get<Data.TicketsDbContext>();
        (await db.Sites.FindAsync([closed.Id], Ct))!.Deactivate(harness.Clock.GetUtcNow());
        await db.SaveChangesAsync(Ct);

        var sites = harness.Get<INetworkSites>();
        (await sites.SitesBehindNodeAsync(telanai.Id, Ct)).Select(s => s.Id)
            .ShouldBe([kantorCamat.Id, kelurahan.Id, sd.Id], ignoreOrder: true);
        (await sites.SitesBehindNodeAsync(telanaiSchools.Id, Ct)).Select(s => s.Id).ShouldBe([sd.Id]);
        (await sites.SitesBehindNodeAsync(core.Id, Ct)).Select(s => s.Id)
            .ShouldBe([kantorCamat.Id, kelurahan.Id, sd.Id, kotaBaruSite.Id, dataCentre.Id], ignoreOrder: true);
        (await sites.SitesBehindNodeAsync(Guid.NewGuid(), Ct)).ShouldBeEmpty();
        (await ((NetworkSites)sites).SitesSharingUplinkAsync(kelurahan.Id, Ct)).Select(s => s.Code)
            .ShouldBe(["KEC-TELANAI", "KEL-BULURAN", "SDN-47"], ignoreOrder: true);
        (await sites.SitesOfAgencyAsync(TicketsHarness.KecamatanTelanai, Ct)).Count.ShouldBe(5);
    }

    [Fact]
    public async Task A_duplicate_code_or_a_missing_node_is_refused_and_nothing_is_lost()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var site = await harness.SiteAsync("KEL-TELANAI");
        var register = harness.Get<SiteRegister>();
        var details = new SiteDetails("kel-telanai", "Duplikat", SiteKind.Kelurahan, TicketsHarness.KecamatanTelanai, "Kecamatan Telanaipura", null, -1.6, 103.6);

        (await Should.ThrowAsync<DomainRuleException>(() => register.AddSiteAsync(details, site.NetworkNodeId, Ct))).Error.ShouldBe(SiteErrors.DuplicateCode);
        (await Should.ThrowAsync<DomainRuleException>(() => register.AddSiteAsync(details with { Code = "NEW", Latitude = 95 }, Guid.NewGuid(), Ct)))
            .Errors.ShouldBe([SiteErrors.Latitude, SiteErrors.NodeNotFound]);
        (await Should.ThrowAsync<DomainRuleException>(() => register.AddCoreAsync("CORE-KEL-TELANAI", "Lagi", Ct))).Error.ShouldBe(SiteErrors.DuplicateNodeCode);

        var sites = await harness.Get<INetworkSites>().SitesOfAgencyAsync(TicketsHarness.KecamatanTelanai, Ct);
        sites.Single().Name.ShouldBe("Kantor Kelurahan Telanai Pura");
        // The register still works after a refused save.
        await register.AddSiteAsync(details with { Code = "KEL-BARU" }, site.NetworkNodeId, Ct);
    }

    /// <summary>A node to hang a site off.</summary>
    private readonly record struct DistributionOrCore(Guid Id);
}
