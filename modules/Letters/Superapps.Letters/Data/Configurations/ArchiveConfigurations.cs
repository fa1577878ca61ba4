using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Superapps.Letters.Features.Archive;
using Superapps.Letters.Features.Retention;

namespace Superapps.Letters.Data.Configurations;

/// <summary>The archive index (docs/performance.md, "The archive"): one row per archived letter, incoming or outgoing.</summary>
internal sealed class ArchiveEntryConfiguration : IEntityTypeConfiguration<ArchiveEntry>
{
    public void Configure(EntityTypeBuilder<ArchiveEntry> builder)
    {
        builder.ToTable("archive_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Number).HasMaxLength(150);
        builder.Property(e => e.ReferenceNumber).HasMaxLength(100);
        builder.Property(e => e.Subject).HasMaxLength(1000);
        builder.Property(e => e.Correspondent).HasMaxLength(2000);
        builder.Property(e => e.ClassificationCode).HasMaxLength(30);

        // Full text ('simple' configuration: PostgreSQL has no Indonesian stemmer; words are matched as written, lower-cased).
        builder.Property(e => e.SearchVector).HasComputedColumnSql(
            "to_tsvector('simple', coalesce(number, '') || ' ' || coalesce(reference_number, '') || ' ' || coalesce(subject, '') || ' ' || "
            + "coalesce(correspondent, '') || ' ' || coalesce(classification_code, '') || ' ' || coalesce(body_text, ''))", stored: true);
        builder.HasIndex(e => e.SearchVector).HasMethod("gin");

        // One entry per letter; the positions named on it, looked up with && in one GIN index.
        builder.HasIndex(e => new { e.Kind, e.SourceId }).IsUnique();
        builder.HasIndex(e => e.VisiblePositions).HasMethod("gin");

        // Newest closed first, per OPD (agenda keepers) and over all (people, walking the newest with the GIN check).
        builder.HasIndex(e => new { e.AgencyId, e.ClosedAt }).IsDescending(false, true);
        builder.HasIndex(e => e.ClosedAt).IsDescending(true);
        builder.HasIndex(e => e.LetterDate);

        // An exact number (agenda label or outgoing number) typed in the search box.
        builder.HasIndex(e => e.Number);

        // Classification prefix ("000.1" finds 000.1 and 000.1.x) and the correspondent by any part of it.
        builder.HasIndex(e => e.ClassificationCode, "ix_archive_entries_classification_code").HasDatabaseName("ix_archive_entries_classification_code").HasOperators("text_pattern_ops");
        builder.HasIndex(e => e.Correspondent).HasMethod("gin").HasOperators("gin_trgm_ops");

        // The retention report: what is due, per OPD, among entries not destroyed or handed over yet.
        builder.HasIndex(e => new { e.AgencyId, e.ActiveUntil }, "ix_archive_entries_active_due").HasDatabaseName("ix_archive_entries_active_due").HasFilter("disposal_status = 0");
        builder.HasIndex(e => new { e.AgencyId, e.InactiveUntil }, "ix_archive_entries_inactive_due").HasDatabaseName("ix_archive_entries_inactive_due").HasFilter("disposal_status IN (0, 1)");
        builder.HasIndex(e => e.ClassificationCode, "ix_archive_entries_unscheduled").HasDatabaseName("ix_archive_entries_unscheduled").HasFilter("active_until IS NULL AND disposal_status = 0");
    }
}

/// <summary>
/// The archive's readers (docs/performance.md, "The archive"): a viewer's newest entries are a range of
/// <c>(reader_id, closed_at desc)</c>, with the filter columns included so that the walk reads the index alone.
/// </summary>
internal sealed class ArchiveReaderConfiguration : IEntityTypeConfiguration<ArchiveReader>
{
    public void Configure(EntityTypeBuilder<ArchiveReader> builder)
    {
        builder.ToTable("archive_readers");
        builder.HasKey(r => new { r.EntryId, r.ReaderId });
        builder.Property(r => r.ClassificationCode).HasMaxLength(30);
        builder.Property(r => r.Correspondent).HasMaxLength(ArchiveReader.CorrespondentLength).HasDefaultValue(string.Empty);
        builder.HasOne<ArchiveEntry>().WithMany().HasForeignKey(r => r.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ReaderId, r.ClosedAt }, "ix_archive_readers_reader_id_closed_at")
            .HasDatabaseName("ix_archive_readers_reader_id_closed_at")
            .IsDescending(false, true)
            .IncludeProperties(r => new { r.EntryId, r.LetterDate, r.Kind, r.SecurityClass, r.ClassificationCode, r.AgencyId, r.Correspondent });
    }
}

internal sealed class RetentionScheduleConfiguration : IEntityTypeConfiguration<RetentionSchedule>
{
    public void Configure(EntityTypeBuilder<RetentionSchedule> builder)
    {
        builder.ToTable("retention_schedules");
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Code).HasMaxLength(30);
        builder.Property(s => s.Note).HasMaxLength(500);
    }
}

internal sealed class RetentionDecisionConfiguration : IEntityTypeConfiguration<RetentionDecision>
{
    public void Configure(EntityTypeBuilder<RetentionDecision> builder)
    {
        builder.ToTable("retention_decisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.BeritaAcaraNumber).HasMaxLength(100);
        builder.Property(d => d.Reason).HasMaxLength(1000);
        builder.Property(d => d.DecidedByName).HasMaxLength(200);
        builder.HasIndex(d => new { d.AgencyId, d.RecordedAt }).IsDescending(false, true);
        builder.HasIndex(d => d.EntryIds).HasMethod("gin");
    }
}
