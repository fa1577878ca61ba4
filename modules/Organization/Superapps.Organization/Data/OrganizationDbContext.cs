using Microsoft.EntityFrameworkCore;
using Superapps.Organization.Domain;

namespace Superapps.Organization.Data;

/// <summary>The Organization module's data, in schema <c>organization</c>.</summary>
/// <remarks>
/// Add a migration with:
/// <code>dotnet ef migrations add &lt;Name&gt; --project modules/Organization/Superapps.Organization --startup-project modules/Organization/Superapps.Organization --context OrganizationDbContext --output-dir Data/Migrations</code>
/// </remarks>
public sealed class OrganizationDbContext(DbContextOptions<OrganizationDbContext> options) : DbContext(options)
{
    public const string Schema = "organization";

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<OrganizationUnit> Units => Set<OrganizationUnit>();

    public DbSet<Position> Positions => Set<Position>();

    public DbSet<Employee> Employees => Set<Employee>();

    public DbSet<ActingAssignment> ActingAssignments => Set<ActingAssignment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OrganizationDbContext).Assembly);
    }
}
