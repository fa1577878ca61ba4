using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.Reminders;

namespace Superapps.Datasets.Data.Configurations;

internal sealed class DatasetReminderConfiguration : IEntityTypeConfiguration<DatasetReminder>
{
    public void Configure(EntityTypeBuilder<DatasetReminder> b)
    {
        b.ToTable("reminders");
        b.HasKey(r => new { r.DatasetId, r.Period, r.Kind });
        b.Property(r => r.Period).HasMaxLength(10);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Recipients).HasColumnType("uuid[]");
        b.HasOne<Dataset>().WithMany().HasForeignKey(r => r.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}
