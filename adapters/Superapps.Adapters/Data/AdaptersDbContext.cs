using Microsoft.EntityFrameworkCore;
using Superapps.Adapters.Domain;

namespace Superapps.Adapters.Data;

/// <summary>The adapter seam's data, in schema <c>adapters</c>: the runs with their errors per record, each adapter's checkpoint,
/// and the map of imported records.</summary>
/// <remarks>
/// Add a migration with:
/// <code>dotnet ef migrations add &lt;Name&gt; --project adapters/Superapps.Adapters --context AdaptersDbContext --output-dir Data/Migrations</code>
/// </remarks>
public sealed class AdaptersDbContext(DbContextOptions<AdaptersDbContext> options) : DbContext(options)
{
    public const string Schema = "adapters";

    public DbSet<AdapterRun> Runs => Set<AdapterRun>();

    public DbSet<AdapterRunError> RunErrors => Set<AdapterRunError>();

    public DbSet<AdapterCheckpoint> Checkpoints => Set<AdapterCheckpoint>();

    public DbSet<ImportedRecord> ImportedRecords => Set<ImportedRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AdaptersDbContext).Assembly);
    }
}
