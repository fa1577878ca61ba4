using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Superapps.Letters.Features.LegacyImport;

namespace Superapps.Letters.Data.Configurations;

internal sealed class ImportedLetterConfiguration : IEntityTypeConfiguration<ImportedLetter>
{
    public void Configure(EntityTypeBuilder<ImportedLetter> builder)
    {
        builder.ToTable("imported_letters");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Source).HasMaxLength(40);
        builder.Property(l => l.LegacyId).HasMaxLength(100);
        // The legacy key: importing the same letter again finds it here and changes nothing.
        builder.HasIndex(l => new { l.Source, l.LegacyId }).IsUnique();
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.AgencyName).HasMaxLength(300);
        builder.HasIndex(l => new { l.AgencyId, l.Date });
        builder.Property(l => l.AgendaNumber).HasMaxLength(40);
        builder.Property(l => l.Number).HasMaxLength(100);
        builder.Property(l => l.Correspondent).HasMaxLength(250);
        builder.Property(l => l.Subject).HasMaxLength(500);
        builder.Property(l => l.Urgency).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.SecurityClass).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.ClassificationCode).HasMaxLength(40);
        builder.Property(l => l.ScanFileName).HasMaxLength(260);
        builder.HasIndex(l => l.LetterId).IsUnique().HasFilter("letter_id IS NOT NULL");
        builder.HasOne<Domain.Letter>().WithMany().HasForeignKey(l => l.LetterId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(l => l.Dispositions, d => d.ToJson("dispositions"));
    }
}
