using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Inbox;

namespace Superapps.Letters.Data.Configurations;

internal sealed class LetterConfiguration : IEntityTypeConfiguration<Letter>
{
    public void Configure(EntityTypeBuilder<Letter> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Sender).HasMaxLength(250);
        builder.Property(l => l.SenderNumber).HasMaxLength(100);
        builder.Property(l => l.Subject).HasMaxLength(Letter.MaxSubjectLength);
        builder.Property(l => l.ClassificationCode).HasMaxLength(30);
        builder.Property(l => l.RegisteredByName).HasMaxLength(200);
        builder.Property(l => l.AddresseeTitle).HasMaxLength(250);
        builder.Property(l => l.Version).IsRowVersion();
        builder.Ignore(l => l.AgendaLabel);

        // The agenda number is unique per OPD per year; the counter makes it gapless.
        builder.HasIndex(l => new { l.AgencyId, l.AgendaYear, l.AgendaNumber }).IsUnique();
        builder.HasIndex(l => l.SourceId).IsUnique().HasFilter("source_id IS NOT NULL");
        builder.HasIndex(l => new { l.AgencyId, l.ReceivedAt });

        // The inbox (docs/performance.md): its newest letters first, open or closed ones first, and numbers by their start.
        builder.HasIndex(l => l.ReceivedAt);
        builder.HasIndex(l => new { l.Status, l.ReceivedAt }).IncludeProperties(l => l.Id);
        builder.HasIndex(l => l.SenderNumber).HasMethod("gin").HasOperators("gin_trgm_ops");

        // Counting a viewer's letters under filters reads this index only, not the letters.
        builder.HasIndex(l => l.Id, "ix_letters_inbox_filters").HasDatabaseName("ix_letters_inbox_filters")
            .IncludeProperties(l => new { l.ReceivedAt, l.Status, l.Urgency, l.SecurityClass, l.SenderDate });

        // Full-text search over subject, sender and number ('simple': Indonesian has no stemmer in PostgreSQL).
        builder.Property<NpgsqlTypes.NpgsqlTsVector>(SearchVector)
            .HasComputedColumnSql("to_tsvector('simple', coalesce(subject, '') || ' ' || coalesce(sender, '') || ' ' || coalesce(sender_number, ''))", stored: true);
        builder.HasIndex(SearchVector).HasMethod("GIN");
    }

    public const string SearchVector = "SearchVector";
}

internal sealed class LetterRecipientConfiguration : IEntityTypeConfiguration<LetterRecipient>
{
    public void Configure(EntityTypeBuilder<LetterRecipient> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Title).HasMaxLength(250);
        builder.HasOne<Letter>().WithMany().HasForeignKey(r => r.LetterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.LetterId, r.PositionId }).IsUnique();
        // A viewer's receipts by kind and read state, with the letter: the counters and the inbox read this index only.
        builder.HasIndex(r => new { r.PositionId, r.Kind, r.ReadAt }).IncludeProperties(r => r.LetterId);
    }
}

internal sealed class DispositionConfiguration : IEntityTypeConfiguration<Disposition>
{
    public void Configure(EntityTypeBuilder<Disposition> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.FromName).HasMaxLength(200);
        builder.Property(d => d.FromTitle).HasMaxLength(260);
        builder.Property(d => d.ToTitle).HasMaxLength(260);
        builder.Property(d => d.ToName).HasMaxLength(200);
        builder.Property(d => d.Note).HasMaxLength(2000);
        builder.Property(d => d.Report).HasMaxLength(4000);
        builder.Property(d => d.Version).IsRowVersion();
        builder.HasOne<Letter>().WithMany().HasForeignKey(d => d.LetterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Disposition>().WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
        // A letter's dispositions with who they go from and to: the inbox checks visibility on this index only.
        builder.HasIndex(d => d.LetterId).IncludeProperties(d => new { d.FromPositionId, d.ToPositionId, d.Status });
        builder.HasIndex(d => new { d.RequestId, d.ToPositionId }).IsUnique().HasFilter("request_id IS NOT NULL");
        builder.HasIndex(d => new { d.ToPositionId, d.Status }).IncludeProperties(d => new { d.LetterId, d.Deadline });
        builder.HasIndex(d => new { d.Status, d.Deadline });

        // The deadline job's work list: live nodes (status below Done) with a deadline, not escalated yet. It shrinks as nodes
        // are escalated or finished, so the job's query stays a short range scan whatever the size of the archive.
        builder.HasIndex(d => d.Deadline).HasDatabaseName("ix_dispositions_deadline_pending")
            .HasFilter("status < 3 AND deadline IS NOT NULL AND escalated_at IS NULL");
        builder.Property<NpgsqlTypes.NpgsqlTsVector>(LetterConfiguration.SearchVector)
            .HasComputedColumnSql("to_tsvector('simple', coalesce(note, '') || ' ' || coalesce(report, ''))", stored: true);
        builder.HasIndex(LetterConfiguration.SearchVector).HasMethod("GIN");
    }
}

internal sealed class InboxEntryConfiguration : IEntityTypeConfiguration<InboxEntry>
{
    public void Configure(EntityTypeBuilder<InboxEntry> builder)
    {
        builder.ToTable("inbox_entries");
        builder.HasKey(e => new { e.PositionId, e.LetterId });
        builder.HasOne<Letter>().WithMany().HasForeignKey(e => e.LetterId).OnDelete(DeleteBehavior.Cascade);

        // A position's newest letters, and the filters checked in the index itself (docs/performance.md).
        builder.HasIndex(e => new { e.PositionId, e.ReceivedAt }).IsDescending(false, true)
            .IncludeProperties(e => new { e.LetterId, e.Status, e.Urgency, e.SecurityClass, e.SenderDate });

        // Open or closed letters, by urgency, newest first: the filters of the inbox and the open-letter counter.
        builder.HasIndex(e => new { e.PositionId, e.Status, e.Urgency, e.ReceivedAt }).IsDescending(false, false, false, true)
            .IncludeProperties(e => new { e.LetterId, e.SecurityClass, e.SenderDate });
        builder.HasIndex(e => e.LetterId);

        // The counter of open letters addressed to the position that it has not disposed yet: a few rows per position.
        builder.HasIndex(e => e.PositionId).HasDatabaseName("ix_inbox_entries_awaiting_follow_up")
            .HasFilter("status = 0 AND addressed AND NOT followed_up");
    }
}

internal sealed class LetterFileConfiguration : IEntityTypeConfiguration<LetterFile>
{
    public void Configure(EntityTypeBuilder<LetterFile> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.FileName).HasMaxLength(255);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.HasOne<Letter>().WithMany().HasForeignKey(f => f.LetterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.LetterId, f.Kind });
    }
}

internal sealed class LetterEventConfiguration : IEntityTypeConfiguration<LetterEvent>
{
    public void Configure(EntityTypeBuilder<LetterEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.Property(e => e.Summary).HasMaxLength(1000);
        builder.HasOne<Letter>().WithMany().HasForeignKey(e => e.LetterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.LetterId, e.At });
    }
}

internal sealed class AgendaCounterConfiguration : IEntityTypeConfiguration<AgendaCounter>
{
    public void Configure(EntityTypeBuilder<AgendaCounter> builder) => builder.HasKey(c => new { c.AgencyId, c.Year });
}

internal sealed class ClassificationCodeConfiguration : IEntityTypeConfiguration<ClassificationCode>
{
    public void Configure(EntityTypeBuilder<ClassificationCode> builder)
    {
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(30);
        builder.Property(c => c.Name).HasMaxLength(300);
        builder.Property(c => c.ParentCode).HasMaxLength(30);
    }
}
