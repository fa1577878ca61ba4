using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Superapps.Letters.Domain.Drafting;
using Superapps.Letters.Features.Numbering;

namespace Superapps.Letters.Data.Configurations;

/// <summary>Small immutable lists of records stored as one jsonb column each.</summary>
internal static class JsonList
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<IReadOnlyList<T>> AsJson<T>(this PropertyBuilder<IReadOnlyList<T>> property) =>
        property.HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            v => JsonSerializer.Deserialize<List<T>>(v, Options) ?? new List<T>(),
            new ValueComparer<IReadOnlyList<T>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)), v => v.ToList()));
}

internal sealed class OutgoingLetterConfiguration : IEntityTypeConfiguration<OutgoingLetter>
{
    public void Configure(EntityTypeBuilder<OutgoingLetter> builder)
    {
        builder.ToTable("outgoing_letters");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.AgencyName).HasMaxLength(250);
        builder.Property(l => l.Subject).HasMaxLength(DraftContent.MaxSubjectLength);
        builder.Property(l => l.ClassificationCode).HasMaxLength(30);
        builder.Property(l => l.Attachments).HasMaxLength(100);
        builder.Property(l => l.SignerTitle).HasMaxLength(260);
        builder.Property(l => l.DrafterName).HasMaxLength(200);
        builder.Property(l => l.DrafterTitle).HasMaxLength(260);
        builder.Property(l => l.Number).HasMaxLength(150);
        builder.Property(l => l.SignedByName).HasMaxLength(200);
        builder.Property(l => l.SignedByTitle).HasMaxLength(260);
        builder.Property(l => l.VerificationCode).HasMaxLength(100);
        builder.Property(l => l.SignedSha256).HasMaxLength(64);
        builder.Property(l => l.SendError).HasMaxLength(1000);
        builder.Property(l => l.Addressees).AsJson();
        builder.Property(l => l.CarbonCopies).AsJson();
        builder.Property(l => l.Reviewers).AsJson();
        builder.Property(l => l.Version).IsRowVersion();
        builder.Ignore(l => l.Content);
        builder.Ignore(l => l.ChainPositionIds);
        builder.Ignore(l => l.IsEditable);
        builder.HasMany(l => l.Steps).WithOne().HasForeignKey(s => s.OutgoingLetterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(l => l.Versions).WithOne().HasForeignKey(v => v.OutgoingLetterId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Steps).HasField("_steps");
        builder.Navigation(l => l.Versions).HasField("_versions");

        // The counters "to review" and "to sign": drafts waiting for a position, by state.
        builder.HasIndex(l => new { l.CurrentPositionId, l.State }).HasFilter("current_position_id IS NOT NULL");
        // "My drafts" and "signed but not sent".
        builder.HasIndex(l => new { l.DrafterEmployeeId, l.State, l.UpdatedAt });
        builder.HasIndex(l => new { l.DrafterPositionId, l.State });
        builder.HasIndex(l => new { l.SignerPositionId, l.State });
        builder.HasIndex(l => l.VerificationCode).IsUnique().HasFilter("verification_code IS NOT NULL");
    }
}

internal sealed class OutgoingLetterStepConfiguration : IEntityTypeConfiguration<OutgoingLetterStep>
{
    public void Configure(EntityTypeBuilder<OutgoingLetterStep> builder)
    {
        builder.ToTable("outgoing_letter_steps");
        builder.HasKey(s => s.Id);
        // Steps get their id in the domain and are added through the letter's collection: never an update of an existing row.
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Title).HasMaxLength(260);
        builder.Property(s => s.Notes).HasMaxLength(4000);
        builder.HasIndex(s => new { s.OutgoingLetterId, s.At });
    }
}

internal sealed class OutgoingLetterVersionConfiguration : IEntityTypeConfiguration<OutgoingLetterVersion>
{
    public void Configure(EntityTypeBuilder<OutgoingLetterVersion> builder)
    {
        builder.ToTable("outgoing_letter_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Subject).HasMaxLength(DraftContent.MaxSubjectLength);
        builder.Property(v => v.ClassificationCode).HasMaxLength(30);
        builder.Property(v => v.Attachments).HasMaxLength(100);
        builder.Property(v => v.SubmittedBy).HasMaxLength(200);
        builder.Property(v => v.Addressees).AsJson();
        builder.Property(v => v.CarbonCopies).AsJson();
        builder.Ignore(v => v.ComparableText);
        builder.HasIndex(v => new { v.OutgoingLetterId, v.Number }).IsUnique();
    }
}

internal sealed class OutgoingLetterFileConfiguration : IEntityTypeConfiguration<OutgoingLetterFile>
{
    public void Configure(EntityTypeBuilder<OutgoingLetterFile> builder)
    {
        builder.ToTable("outgoing_letter_files");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.FileName).HasMaxLength(255);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.HasOne<OutgoingLetter>().WithMany().HasForeignKey(f => f.OutgoingLetterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.OutgoingLetterId, f.Kind });
    }
}

internal sealed class ExternalMailRecordConfiguration : IEntityTypeConfiguration<Features.Sending.ExternalMailRecord>
{
    public void Configure(EntityTypeBuilder<Features.Sending.ExternalMailRecord> builder)
    {
        builder.ToTable("external_mails");
        builder.HasKey(m => m.Key);
        builder.Property(m => m.Key).HasMaxLength(400);
        builder.Property(m => m.ToName).HasMaxLength(300);
        builder.Property(m => m.ToEmail).HasMaxLength(320);
        builder.Property(m => m.FileName).HasMaxLength(255);
        builder.HasOne<OutgoingLetter>().WithMany().HasForeignKey(m => m.OutgoingLetterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.OutgoingLetterId);
    }
}

internal sealed class LetterNumberConfiguration : IEntityTypeConfiguration<LetterNumber>
{
    public void Configure(EntityTypeBuilder<LetterNumber> builder)
    {
        builder.ToTable("letter_numbers");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Number).HasMaxLength(150);
        builder.Property(n => n.Reason).HasMaxLength(500);
        builder.Property(n => n.ReservedByName).HasMaxLength(200);
        builder.Property(n => n.ChangedByName).HasMaxLength(200);
        // Each sequence of an OPD's year once: no duplicates, whatever happens to the counter.
        builder.HasIndex(n => new { n.AgencyId, n.Year, n.Sequence }).IsUnique();
        builder.HasIndex(n => new { n.OutgoingLetterId, n.Status });
        builder.HasOne<OutgoingLetter>().WithMany().HasForeignKey(n => n.OutgoingLetterId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NumberingFormatConfiguration : IEntityTypeConfiguration<NumberingFormat>
{
    public void Configure(EntityTypeBuilder<NumberingFormat> builder)
    {
        builder.ToTable("numbering_formats");
        builder.HasKey(f => f.AgencyId);
        builder.Property(f => f.Template).HasMaxLength(100);
        builder.Property(f => f.UnitCode).HasMaxLength(30);
        builder.Property(f => f.UpdatedBy).HasMaxLength(200);
        builder.Property(f => f.Address).HasMaxLength(300);
        builder.Property(f => f.Contact).HasMaxLength(300);
    }
}

internal sealed class OutgoingNumberCounterConfiguration : IEntityTypeConfiguration<OutgoingNumberCounter>
{
    public void Configure(EntityTypeBuilder<OutgoingNumberCounter> builder)
    {
        builder.ToTable("outgoing_number_counters");
        builder.HasKey(c => new { c.AgencyId, c.Year });
    }
}
