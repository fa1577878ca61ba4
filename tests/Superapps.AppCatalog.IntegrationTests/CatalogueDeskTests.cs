using Microsoft.EntityFrameworkCore;
using Superapps.AppCatalog.Contracts;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.AppCatalog.IntegrationTests;

/// <summary>The catalogue's commands on PostgreSQL: audited, a change made meanwhile refused (not overwritten), a taken slug refused, nothing saved on a refusal.</summary>
public sealed class CatalogueDeskTests(PostgresServer server) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ModuleServices _services = null!;

    public async ValueTask InitializeAsync() => _services = await CatalogueHarness.CreateAsync(server);

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Every_change_is_audited_with_the_app_it_changed()
    {
        var app = await _services.CreateAppAsync(CatalogueHarness.Simpeg());
        app = await _services.DeskAsync(d => d.UpdateAsync(app.Id, app.Version, CatalogueHarness.Simpeg() with { YearlyCost = 90_000_000 }, Ct));
        app = await _services.DeskAsync(d => d.RetireAsync(app.Id, app.Version, "/surat", null, null, Ct));
        app = await _services.DeskAsync(d => d.UnretireAsync(app.Id, app.Version, Ct));
        await _services.DeskAsync(async d => { await d.DeleteAsync(app.Id, app.Version, Ct); return 0; });

        _services.Audit.Events.Select(e => e.Action).ShouldBe(["app.created", "app.updated", "app.retired", "app.unretired", "app.deleted"]);
        _services.Audit.Events.ShouldAllBe(e => e.Module == "appcatalog" && e.EntityId == app.Id.ToString());
        _services.Audit.Events[2].Summary.ShouldContain("/surat");
    }

    [Fact]
    public async Task A_change_saved_meanwhile_is_refused_and_not_overwritten()
    {
        var app = await _services.CreateAppAsync(CatalogueHarness.Simpeg());
        var seenByBoth = app.Version;
        await _services.DeskAsync(d => d.UpdateAsync(app.Id, seenByBoth, CatalogueHarness.Simpeg() with { Name = "SIMPEG Lama (BKPSDM)" }, Ct));

        var refused = await Should.ThrowAsync<DomainRuleException>(() =>
            _services.DeskAsync(d => d.UpdateAsync(app.Id, seenByBoth, CatalogueHarness.Simpeg() with { Name = "SIMPEG Kedua" }, Ct)));
        var retire = await Should.ThrowAsync<DomainRuleException>(() => _services.DeskAsync(d => d.RetireAsync(app.Id, seenByBoth, "/surat", null, null, Ct)));

        refused.Error.Code.ShouldBe("appcatalog.changed");
        refused.Error.English.ShouldContain("Someone else");
        retire.Error.Code.ShouldBe("appcatalog.changed");
        var saved = await _services.ReadAsync(db => db.Apps.SingleAsync(Ct));
        (saved.Name, saved.Status).ShouldBe(("SIMPEG Lama (BKPSDM)", AppStatus.Proxied));
    }

    [Fact]
    public async Task A_slug_already_taken_is_refused_at_its_field()
    {
        await _services.CreateAppAsync(CatalogueHarness.Simpeg());

        var refused = await Should.ThrowAsync<DomainRuleException>(() => _services.CreateAppAsync(CatalogueHarness.Simpeg() with { Name = "Lain" }));

        (refused.Error.Code, refused.Error.Field).ShouldBe(("appcatalog.slug-taken", "slug"));
        (await _services.ReadAsync(db => db.Apps.CountAsync(Ct))).ShouldBe(1);
    }

    [Fact]
    public async Task An_unknown_owner_or_access_opd_is_refused_with_the_drafts_other_errors()
    {
        var refused = await Should.ThrowAsync<DomainRuleException>(() => _services.CreateAppAsync(CatalogueHarness.Simpeg() with
        {
            OwnerAgencyId = Guid.CreateVersion7(), AgencyIds = [Guid.CreateVersion7()], Upstream = null,
        }));

        refused.Errors.Select(e => e.Field).ShouldBe(["owner", "access", "upstream"], ignoreOrder: true);
        (await _services.ReadAsync(db => db.Apps.CountAsync(Ct))).ShouldBe(0);
        _services.Audit.Events.ShouldBeEmpty();
    }
}
