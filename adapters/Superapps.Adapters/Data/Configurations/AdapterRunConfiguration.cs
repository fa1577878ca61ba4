using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Superapps.Adapters.Domain;

namespace Superapps.Adapters.Data.Configurations;

internal sealed class AdapterRunConfiguration : IEntityTypeConfiguration<AdapterRun>
{
    public void Configure(EntityTypeBuilder<AdapterRun> builder)
    {
        builder.ToTable("runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.AdapterKey).HasMaxLength(60);
        builder.Property(r => r.TriggeredBy).HasMaxLength(200);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Message).HasMaxLength(AdapterRun.MaxMessageLength);
        builder.Ignore(r => r.Counts);
        builder.HasIndex(r => new { r.AdapterKey, r.StartedAt }).IsDescending(false, true);
        // One run at a time per adapter, held by the database as well as by the runner's advisory lock.
        builder.HasIndex(r => r.AdapterKey).IsUnique().HasFilter("status = 'Running'").HasDatabaseName("ux_runs_one_running_per_adapter");
    }
}

internal sealed class AdapterRunErrorConfiguration : IEntityTypeConfiguration<AdapterRunError>
{
    public void Configure(EntityTypeBuilder<AdapterRunError> builder)
    {
        builder.ToTable("run_errors");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.Reference).HasMaxLength(500);
        builder.Property(e => e.Code).HasMaxLength(100);
        builder.Property(e => e.MessageIndonesian).HasMaxLength(2000);
        builder.Property(e => e.MessageEnglish).HasMaxLength(2000);
        builder.HasOne<AdapterRun>().WithMany().HasForeignKey(e => e.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.RunId, e.Id });
    }
}

internal sealed class AdapterCheckpointConfiguration : IEntityTypeConfiguration<AdapterCheckpoint>
{
    public void Configure(EntityTypeBuilder<AdapterCheckpoint> builder)
    {
        builder.ToTable("checkpoints");
        builder.HasKey(c => c.AdapterKey);
        builder.Property(c => c.AdapterKey).HasMaxLength(60);
        builder.Property(c => c.Value).HasMaxLength(2000);
    }
}

internal sealed class ImportedRecordConfiguration : IEntityTypeConfiguration<ImportedRecord>
{
    public void Configure(EntityTypeBuilder<ImportedRecord> builder)
    {
        builder.ToTable("imported_records");
        builder.HasKey(r => new { r.AdapterKey, r.ExternalId });
        builder.Property(r => r.AdapterKey).HasMaxLength(60);
        builder.Property(r => r.ExternalId).HasMaxLength(200);
        builder.Property(r => r.InternalId).HasMaxLength(200);
    }
}
