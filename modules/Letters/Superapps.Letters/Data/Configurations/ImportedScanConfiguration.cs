using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Superapps.Letters.Features.LegacyImport;

namespace Superapps.Letters.Data.Configurations;

internal sealed class ImportedScanConfiguration : IEntityTypeConfiguration<ImportedScan>
{
    public void Configure(EntityTypeBuilder<ImportedScan> builder)
    {
        builder.ToTable("imported_scans");
        builder.HasKey(s => s.ImportedLetterId);
        builder.HasOne<ImportedLetter>().WithOne().HasForeignKey<ImportedScan>(s => s.ImportedLetterId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.FileName).HasMaxLength(260);
        builder.Property(s => s.ContentType).HasMaxLength(100);
    }
}
