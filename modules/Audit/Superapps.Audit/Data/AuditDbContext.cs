using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Superapps.Modularity;

namespace Superapps.Audit.Data;

/// <summary>The audit trail, schema <c>audit</c>. Rows are only ever inserted.</summary>
/// <remarks>
/// <code>dotnet ef migrations add &lt;Name&gt; --project modules/Audit/Superapps.Audit --context AuditDbContext --output-dir Data/Migrations</code>
/// </remarks>
public sealed class AuditDbContext(DbContextOptions<AuditDbContext> options) : DbContext(options)
{
    public const string Schema = "audit";

    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        var entry = modelBuilder.Entity<AuditEntry>();
        entry.ToTable("entries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Module).HasMaxLength(40);
        entry.Property(e => e.Action).HasMaxLength(80);
        entry.Property(e => e.EntityType).HasMaxLength(60);
        entry.Property(e => e.EntityId).HasMaxLength(100);
        entry.Property(e => e.ActorId).HasMaxLength(100);
        entry.Property(e => e.ActorName).HasMaxLength(200);
        entry.Property(e => e.IpAddress).HasMaxLength(64);
        entry.Property(e => e.Data).HasColumnType("jsonb");
        entry.HasIndex(e => new { e.EntityType, e.EntityId, e.OccurredAt });
        entry.HasIndex(e => new { e.ActorId, e.OccurredAt });
    }
}

public sealed class AuditEntry
{
    public Guid Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public string? ActorId { get; set; }

    public string ActorName { get; set; } = string.Empty;

    public string? IpAddress { get; set; }

    public string Module { get; set; } = string.Empty;

    public string Action { get; set; } = string.Empty;

    public string EntityType { get; set; } = string.Empty;

    public string EntityId { get; set; } = string.Empty;

    public string Summary { get; set; } = string.Empty;

    public string? Data { get; set; }
}

internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AuditDbContext>
{
    public AuditDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AuditDbContext>();
        options.UseModuleDatabase("Host=127.0.0.1;Database=design_time", AuditDbContext.Schema);
        return new AuditDbContext(options.Options);
    }
}
