using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Organization.Contracts;
using Superapps.Organization.Data;
using Superapps.Testing;

namespace Superapps.Organization.IntegrationTests;

/// <summary>Finding an employee by e-mail address (how the helpdesk's e-mail intake knows who wrote).</summary>
public sealed class FindByEmailTests(PostgresServer server) : IAsyncLifetime
{
    private ModuleServices _module = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _module = await ModuleServices.CreateAsync(server, s => s.AddOrganizationModule(), seedDemo: true);

    public async ValueTask DisposeAsync() => await _module.DisposeAsync();

    [Fact]
    public async Task An_employee_is_found_by_address_whatever_its_case_and_an_unknown_address_finds_nobody()
    {
        await using var scope = _module.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        var employee = await db.Employees.AsNoTracking().Where(e => e.Email != null && e.IsActive).OrderBy(e => e.Name).FirstAsync(Ct);
        var directory = scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>();

        var found = await directory.FindByEmailAsync("  " + employee.Email!.ToUpperInvariant() + " ", Ct);

        found.ShouldNotBeNull();
        found.EmployeeId.ShouldBe(employee.Id);
        found.AgencyId.ShouldBe(employee.AgencyId);
        (await directory.FindByEmailAsync("tidak.ada@kotademo.go.id", Ct)).ShouldBeNull();
        (await directory.FindByEmailAsync(" ", Ct)).ShouldBeNull();
    }
}
