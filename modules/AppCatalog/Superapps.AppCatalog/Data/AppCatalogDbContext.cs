using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Superapps.AppCatalog.Domain;
using Superapps.Modularity;

namespace Superapps.AppCatalog.Data;

/// <summary>The catalogue's data, in schema <c>appcatalog</c>: the apps, their usage per day and per user, their health as the proxy reports it, and the directory's stamp.</summary>
/// <remarks>
/// Add a migration with:
/// <code>dotnet ef migrations add &lt;Name&gt; --project modules/AppCatalog/Superapps.AppCatalog --startup-project modules/AppCatalog/Superapps.AppCatalog --context AppCatalogDbContext --output-dir Data/Migrations</code>
/// The stamp's trigger (<c>InitialAppCatalog</c>) is SQL in the migration: keep it when the apps table changes.
/// </remarks>
public sealed class AppCatalogDbContext(DbContextOptions<AppCatalogDbContext> options) : DbContext(options)
{
    public const string Schema = "appcatalog";

    public DbSet<CityApp> Apps => Set<CityApp>();

    public DbSet<AppUsageDay> UsageDays => Set<AppUsageDay>();

    public DbSet<AppUsageUser> UsageUsers => Set<AppUsageUser>();

    public DbSet<DirectoryStamp> Stamps => Set<DirectoryStamp>();

    public DbSet<AppHealthState> Health => Set<AppHealthState>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppCatalogDbContext).Assembly);
    }
}

/// <summary>Lets <c>dotnet ef</c> build the model without a running host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppCatalogDbContext>
{
    public AppCatalogDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppCatalogDbContext>();
        options.UseModuleDatabase("Host=127.0.0.1;Database=design_time", AppCatalogDbContext.Schema);
        return new AppCatalogDbContext(options.Options);
    }
}
