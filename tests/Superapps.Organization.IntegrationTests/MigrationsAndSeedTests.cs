using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Superapps.Modularity;
using Superapps.Organization.Contracts;
using Superapps.Organization.Data;
using Superapps.Organization.Domain;
using Superapps.Testing;

namespace Superapps.Organization.IntegrationTests;

public sealed class MigrationsAndSeedTests(PostgresServer server)
{
    [Fact]
    public async Task Migrations_create_the_schema_from_an_empty_database()
    {
        await using var module = await ModuleServices.CreateAsync(server, s => s.AddOrganizationDirectory());

        await using var connection = new NpgsqlConnection(module.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'organization' ORDER BY table_name", connection);
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        tables.ShouldBe(["__EFMigrationsHistory", "acting_assignments", "agencies", "employees", "positions", "units"]);
    }

    [Fact]
    public async Task The_demo_city_is_seeded_once_however_often_the_seed_runs()
    {
        await using var module = await ModuleServices.CreateAsync(server, s => s.AddOrganizationDirectory(), seedDemo: true);
        var first = await CountsAsync(module);

        await module.Services.InitializeDatabaseAsync(migrate: true, seedDemo: true, TestContext.Current.CancellationToken);
        var second = await CountsAsync(module);

        second.ShouldBe(first);
        first.Agencies.ShouldBeGreaterThanOrEqualTo(100);
        first.Kelurahan.ShouldBeGreaterThanOrEqualTo(60);
        first.Employees.ShouldBeGreaterThanOrEqualTo(300);
    }

    [Fact]
    public async Task Every_seeded_employee_has_a_valid_unique_nip_except_the_elected_officials()
    {
        await using var module = await ModuleServices.CreateAsync(server, s => s.AddOrganizationDirectory(), seedDemo: true);
        await using var scope = module.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();

        var employees = await db.Employees.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);

        employees.Count(e => e.Nip is null).ShouldBe(2);
        employees.Where(e => e.Nip is not null).Where(e => !Nip.TryParse(e.Nip, out var _, out var _)).ShouldBeEmpty();
        employees.Select(e => e.Nip).Where(n => n != null).Distinct().Count().ShouldBe(employees.Count - 2);
    }

    [Fact]
    public async Task The_seeded_hierarchy_runs_from_every_employee_up_to_the_walikota()
    {
        await using var module = await ModuleServices.CreateAsync(server, s => s.AddOrganizationDirectory(), seedDemo: true);
        await using var scope = module.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        var directory = scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>();

        var walikota = await db.Positions.SingleAsync(p => p.Level == PositionLevel.Walikota, TestContext.Current.CancellationToken);
        var held = await db.Employees.Where(e => e.PositionId != null && e.PositionId != walikota.Id).Select(e => e.PositionId!.Value).ToListAsync(TestContext.Current.CancellationToken);

        foreach (var position in held.Take(50))
        {
            (await directory.IsBelowAsync(walikota.Id, position, TestContext.Current.CancellationToken)).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task The_directory_shows_an_acting_official_with_both_positions()
    {
        await using var module = await ModuleServices.CreateAsync(server, s => s.AddOrganizationDirectory(), seedDemo: true);
        await using var scope = module.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        var directory = scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>();
        var plt = await db.ActingAssignments.SingleAsync(a => a.Kind == HoldingKind.Plt, TestContext.Current.CancellationToken);

        var profile = await directory.GetEmployeeAsync(plt.EmployeeId, TestContext.Current.CancellationToken);

        profile.ShouldNotBeNull();
        profile.Positions.Count.ShouldBe(2);
        profile.PrimaryPosition!.Kind.ShouldBe(HoldingKind.Definitive);
        profile.Positions[1].Kind.ShouldBe(HoldingKind.Plt);
        profile.Positions[1].DisplayTitle.ShouldStartWith("Plt. Kepala Dinas");
    }

    private static async Task<(int Agencies, int Kelurahan, int Employees, int Positions)> CountsAsync(ModuleServices module)
    {
        await using var scope = module.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        var ct = TestContext.Current.CancellationToken;
        return (await db.Agencies.CountAsync(ct), await db.Agencies.CountAsync(a => a.Kind == AgencyKind.Kelurahan, ct),
            await db.Employees.CountAsync(ct), await db.Positions.CountAsync(ct));
    }
}
