using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Organization.Contracts;
using Superapps.Organization.Data;
using Superapps.Organization.Features.Administration;
using Superapps.Testing;

namespace Superapps.Organization.IntegrationTests;

/// <summary>The reads behind the administration pages, against the demo city.</summary>
public sealed class AdministrationQueriesTests(PostgresServer server) : IAsyncLifetime
{
    private ModuleServices _module = null!;

    public async ValueTask InitializeAsync() =>
        _module = await ModuleServices.CreateAsync(server, s => s.AddOrganizationModule(), seedDemo: true);

    public async ValueTask DisposeAsync() => await _module.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_opd_shows_its_positions_with_holders_and_acting_officials()
    {
        await using var scope = _module.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<AdministrationQueries>();
        var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        var disparbud = await db.Agencies.SingleAsync(a => a.Code == "DISPARBUD", Ct);

        var detail = await queries.GetAgencyAsync(disparbud.Id, Ct);

        detail.ShouldNotBeNull();
        var head = detail.Positions.Single(p => p.IsHeadOfAgency);
        head.Holder.ShouldBeNull();
        head.Acting.ShouldNotBeNull().ShouldStartWith("Plt. ");
        detail.Units.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task An_employee_detail_lists_their_acting_assignments()
    {
        await using var scope = _module.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<AdministrationQueries>();
        var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        var acting = await db.ActingAssignments.FirstAsync(a => a.Kind == HoldingKind.Plt, Ct);

        var detail = await queries.GetEmployeeAsync(acting.EmployeeId, Ct);

        detail.ShouldNotBeNull();
        detail.Position.ShouldNotBeNull();
        detail.Acting.ShouldContain(a => a.Id == acting.Id && a.Kind == HoldingKind.Plt);
    }

    [Fact]
    public async Task Opds_page_and_filter_on_the_server_and_positions_can_be_searched()
    {
        await using var scope = _module.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<AdministrationQueries>();

        var kecamatan = await queries.SearchAgenciesAsync(new AgencySearch(null, AgencyKind.Kecamatan, 0, 5, "name", false), Ct);
        var diskominfo = await queries.SearchAgenciesAsync(new AgencySearch("kominfo", null, 0, 10, null, false), Ct);
        var vacant = await queries.SearchPositionsAsync("Kepala Dinas", null, vacantOnly: true, Ct);
        var current = await queries.ListCurrentActingAsync(AdminScope.City, Ct);

        kecamatan.Items.Count.ShouldBe(5);
        kecamatan.Total.ShouldBeGreaterThan(5);
        kecamatan.Items.ShouldAllBe(a => a.Kind == AgencyKind.Kecamatan);
        diskominfo.Items.ShouldContain(a => a.Code == "DISKOMINFO" && a.Employees > 0);
        vacant.ShouldAllBe(p => p.Holder == null);
        current.Count.ShouldBe(2);
    }
}
