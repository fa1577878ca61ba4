using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Superapps.Datasets.Domain;
using Superapps.Modularity;

namespace Superapps.Datasets.Data;

/// <summary>The Datasets module's data, in schema <c>datasets</c>: the data list, the versions uploaded, and their rows.</summary>
/// <remarks>
/// Add a migration with:
/// <code>dotnet ef migrations add &lt;Name&gt; --project modules/Datasets/Superapps.Datasets --context DatasetsDbContext --output-dir Data/Migrations</code>
/// </remarks>
public sealed class DatasetsDbContext(DbContextOptions<DatasetsDbContext> options) : DbContext(options)
{
    public const string Schema = "datasets";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public DbSet<Dataset> Datasets => Set<Dataset>();

    public DbSet<DatasetVersion> Versions => Set<DatasetVersion>();

    public DbSet<DatasetRow> Rows => Set<DatasetRow>();

    /// <summary>Reminders and escalations sent, one per (dataset, period, kind).</summary>
    public DbSet<Features.Reminders.DatasetReminder> Reminders => Set<Features.Reminders.DatasetReminder>();

    private static readonly ValueConverter<List<DatasetColumn>, string> ColumnsConverter = new(
        v => JsonSerializer.Serialize(v, Json),
        v => JsonSerializer.Deserialize<List<DatasetColumn>>(v, Json) ?? new List<DatasetColumn>());

    private static readonly ValueComparer<List<DatasetColumn>> ColumnsComparer = new(
        (a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, c) => HashCode.Combine(h, c)), v => v.ToList());

    private static ReturnReason ParseReason(string code) => ReturnReasons.TryParse(code, out var reason) ? reason : ReturnReason.Other;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfiguration(new Configurations.DatasetReminderConfiguration());
        modelBuilder.Entity<Dataset>(b =>
        {
            b.HasIndex(d => d.Code).IsUnique();
            b.HasIndex(d => d.ProducerAgencyId);
            b.Property(d => d.Code).HasMaxLength(100);
            b.Property(d => d.Title).HasMaxLength(300);
            b.Property(d => d.Description).HasMaxLength(4000);
            b.Property(d => d.FirstPeriod).HasMaxLength(10);
            b.Property(d => d.Frequency).HasConversion<string>().HasMaxLength(20);
            b.Property(d => d.Columns).HasColumnType("jsonb").HasConversion(ColumnsConverter, ColumnsComparer);
            b.Property(d => d.Keywords).HasColumnType("text[]");
            b.Property(d => d.License).HasMaxLength(100);
            b.Ignore(d => d.Schema);
            b.Ignore(d => d.Schedule);
            b.Ignore(d => d.Since);
        });
        modelBuilder.Entity<DatasetVersion>(b =>
        {
            b.HasIndex(v => new { v.DatasetId, v.Number }).IsUnique();
            b.HasIndex(v => new { v.DatasetId, v.Period, v.Status });
            b.Property(v => v.Period).HasMaxLength(10);
            b.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(v => v.FileName).HasMaxLength(260);
            b.Property(v => v.UploadedByName).HasMaxLength(200);
            b.Property(v => v.ReviewedByName).HasMaxLength(200);
            b.Property(v => v.ReviewNote).HasMaxLength(DatasetVersion.MaxNoteLength);
            b.Property(v => v.Columns).HasColumnType("jsonb").HasConversion(ColumnsConverter, ColumnsComparer);
            b.Property(v => v.ReturnReasons).HasColumnType("text[]").HasConversion(
                v => v.Select(r => r.Code()).ToArray(),
                v => v.Select(code => ParseReason(code)).ToList(),
                new ValueComparer<List<ReturnReason>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, r) => HashCode.Combine(h, r)), v => v.ToList()));
            b.Ignore(v => v.Schema);
            b.HasOne<Dataset>().WithMany().HasForeignKey(v => v.DatasetId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<DatasetRow>(b =>
        {
            b.HasKey(r => new { r.VersionId, r.RowNumber });
            b.HasOne<DatasetVersion>().WithMany().HasForeignKey(r => r.VersionId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

/// <summary>Lets <c>dotnet ef</c> build the model without a running host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<DatasetsDbContext>
{
    public DatasetsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<DatasetsDbContext>();
        options.UseModuleDatabase("Host=127.0.0.1;Database=design_time", DatasetsDbContext.Schema);
        return new DatasetsDbContext(options.Options);
    }
}
