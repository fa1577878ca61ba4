using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Organization.Contracts;
using Superapps.Organization.Data;
using Superapps.Organization.Domain;
using Superapps.Organization.Features.Administration;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Organization.IntegrationTests;

/// <summary>Administration against the demo city: rules, scope, concurrency and audit.</summary>
public sealed class OrganizationAdministrationTests(PostgresServer server) : IAsyncLifetime
{
    private ModuleServices _module = null!;

    public async ValueTask InitializeAsync() =>
        _module = await ModuleServices.CreateAsync(server, s => s.AddOrganizationModule(), seedDemo: true);

    public async ValueTask DisposeAsync() => await _module.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> WithAsync<T>(Func<OrganizationAdministration, OrganizationDbContext, Task<T>> action)
    {
        await using var scope = _module.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<OrganizationAdministration>(), scope.ServiceProvider.GetRequiredService<OrganizationDbContext>());
    }

    private Task<Guid> AgencyIdAsync(string code) => WithAsync((_, db) => db.Agencies.Where(a => a.Code == code).Select(a => a.Id).SingleAsync(Ct));

    [Fact]
    public async Task An_employee_is_created_and_audited()
    {
        var diskominfo = await AgencyIdAsync("DISKOMINFO");

        var id = await WithAsync((admin, _) => admin.SaveEmployeeAsync(AdminScope.City, null,
            new EmployeeInput("199001152015031002", "1571021501900003", "Rahmat Hidayat", "rahmat@kotademo.go.id", null, diskominfo, null), cancellationToken: Ct));

        var saved = await WithAsync((_, db) => db.Employees.SingleAsync(e => e.Id == id, Ct));
        saved.Nip.ShouldBe("199001152015031002");
        await using var scope = _module.CreateScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditRecorder>();
        audit.Events.ShouldContain(e => e.Action == "employee.created" && e.EntityId == id.ToString());
    }

    [Fact]
    public async Task An_invalid_nip_and_a_bad_email_are_reported_together_and_nothing_is_saved()
    {
        var diskominfo = await AgencyIdAsync("DISKOMINFO");
        var before = await WithAsync((_, db) => db.Employees.CountAsync(Ct));

        var error = await Should.ThrowAsync<DomainRuleException>(() => WithAsync((admin, _) => admin.SaveEmployeeAsync(AdminScope.City, null,
            new EmployeeInput("199002302015031002", null, "Tanggal Salah", "bukan-email", null, diskominfo, null), cancellationToken: Ct)));

        error.Errors.Select(e => e.Code).ShouldBe(["organization.nip.birth-date", "organization.employee.email"]);
        (await WithAsync((_, db) => db.Employees.CountAsync(Ct))).ShouldBe(before);
    }

    [Fact]
    public async Task A_duplicate_nip_is_refused()
    {
        var diskominfo = await AgencyIdAsync("DISKOMINFO");
        var existing = await WithAsync((_, db) => db.Employees.Where(e => e.Nip != null).Select(e => e.Nip!).FirstAsync(Ct));

        var error = await Should.ThrowAsync<DomainRuleException>(() => WithAsync((admin, _) => admin.SaveEmployeeAsync(AdminScope.City, null,
            new EmployeeInput(existing, null, "Pegawai Kembar", null, null, diskominfo, null), cancellationToken: Ct)));

        error.Error.ShouldBe(OrganizationErrors.NipTaken);
    }

    [Fact]
    public async Task A_position_cannot_report_to_one_of_its_own_subordinates()
    {
        var (head, subordinate) = await WithAsync(async (_, db) =>
        {
            var head = await db.Positions.SingleAsync(p => p.Title == "Kepala Dinas Komunikasi dan Informatika", Ct);
            var subordinate = await db.Positions.FirstAsync(p => p.ReportsToId == head.Id, Ct);
            return (head, subordinate);
        });

        var error = await Should.ThrowAsync<DomainRuleException>(() => WithAsync((admin, _) => admin.SavePositionAsync(AdminScope.City, head.Id,
            new PositionInput(head.AgencyId, head.UnitId, head.Title, head.Level, subordinate.Id, head.IsHeadOfAgency), cancellationToken: Ct)));

        error.Error.ShouldBe(OrganizationErrors.ReportsToCycle);
        (await WithAsync((_, db) => db.Positions.Where(p => p.Id == head.Id).Select(p => p.ReportsToId).SingleAsync(Ct))).ShouldBe(head.ReportsToId);
    }

    [Fact]
    public async Task An_opd_admin_cannot_change_another_opds_employee()
    {
        var diskominfo = await AgencyIdAsync("DISKOMINFO");
        var outsider = await WithAsync((_, db) => db.Employees.FirstAsync(e => e.AgencyId != diskominfo && e.Nip != null, Ct));

        var error = await Should.ThrowAsync<DomainRuleException>(() => WithAsync((admin, _) => admin.SaveEmployeeAsync(new AdminScope(false, diskominfo), outsider.Id,
            new EmployeeInput(outsider.Nip, null, "Nama Lain", null, null, diskominfo, null), cancellationToken: Ct)));

        error.Error.ShouldBe(OrganizationErrors.OutsideScope);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_instead_of_overwriting_a_newer_one()
    {
        var employee = await WithAsync((_, db) => db.Employees.AsNoTracking().FirstAsync(e => e.Nip != null, Ct));
        var input = new EmployeeInput(employee.Nip, null, employee.Name + " (1)", employee.Email, null, employee.AgencyId, employee.PositionId);
        await WithAsync((admin, _) => admin.SaveEmployeeAsync(AdminScope.City, employee.Id, input, employee.Version, Ct));

        var error = await Should.ThrowAsync<DomainRuleException>(() => WithAsync((admin, _) =>
            admin.SaveEmployeeAsync(AdminScope.City, employee.Id, input with { Name = employee.Name + " (2)" }, employee.Version, Ct)));

        error.Error.ShouldBe(OrganizationErrors.Concurrency);
        (await WithAsync((_, db) => db.Employees.Where(e => e.Id == employee.Id).Select(e => e.Name).SingleAsync(Ct))).ShouldBe(employee.Name + " (1)");
    }

    [Fact]
    public async Task A_plh_is_assigned_and_cancelled_and_the_directory_follows()
    {
        var (target, stand_in) = await WithAsync(async (_, db) =>
        {
            var target = await db.Positions.SingleAsync(p => p.Title == "Kepala Dinas Komunikasi dan Informatika", Ct);
            var directReports = await db.Positions.Where(p => p.ReportsToId == target.Id && p.Level == PositionLevel.Kabid).Select(p => p.Id).ToListAsync(Ct);
            var standIn = await db.Employees.FirstAsync(e => e.PositionId != null && directReports.Contains(e.PositionId.Value), Ct);
            return (target, standIn);
        });
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

        var id = await WithAsync((admin, _) => admin.AssignActingAsync(AdminScope.City,
            new ActingInput(stand_in.Id, target.Id, HoldingKind.Plh, today, today.AddDays(5), "800/123/DISKOMINFO"), Ct));

        await using (var scope = _module.CreateScope())
        {
            var profile = await scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>().GetEmployeeAsync(stand_in.Id, Ct);
            profile!.Positions.ShouldContain(p => p.PositionId == target.Id && p.Kind == HoldingKind.Plh);
        }

        await WithAsync(async (admin, _) =>
        {
            await admin.CancelActingAsync(AdminScope.City, id, Ct);
            return 0;
        });
        await using (var scope = _module.CreateScope())
        {
            var profile = await scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>().GetEmployeeAsync(stand_in.Id, Ct);
            profile!.Positions.ShouldNotContain(p => p.PositionId == target.Id);
        }
    }

    [Fact]
    public async Task An_opd_with_active_employees_cannot_be_deactivated()
    {
        var diskominfo = await AgencyIdAsync("DISKOMINFO");

        var error = await Should.ThrowAsync<DomainRuleException>(() => WithAsync(async (admin, _) =>
        {
            await admin.SetAgencyActiveAsync(AdminScope.City, diskominfo, active: false, Ct);
            return 0;
        }));

        error.Error.ShouldBe(OrganizationErrors.AgencyHasEmployees);
    }
}
