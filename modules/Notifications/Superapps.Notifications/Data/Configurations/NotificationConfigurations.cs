using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Superapps.Notifications.Domain;

namespace Superapps.Notifications.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notices");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Key).HasMaxLength(Notification.MaxKeyLength);
        builder.Property(n => n.TitleIndonesian).HasMaxLength(Notification.MaxTitleLength);
        builder.Property(n => n.TitleEnglish).HasMaxLength(Notification.MaxTitleLength);
        builder.Property(n => n.BodyIndonesian).HasMaxLength(Notification.MaxBodyLength);
        builder.Property(n => n.BodyEnglish).HasMaxLength(Notification.MaxBodyLength);
        builder.Property(n => n.Link).HasMaxLength(Notification.MaxLinkLength);

        // One notice per recipient and event: the notifier inserts with ON CONFLICT DO NOTHING against this index.
        builder.HasIndex(n => new { n.RecipientEmployeeId, n.Key }).IsUnique();

        // The bell and the list: a recipient's newest first, and their unread ones.
        builder.HasIndex(n => new { n.RecipientEmployeeId, n.CreatedAt });
        builder.HasIndex(n => n.RecipientEmployeeId).HasFilter("read_at IS NULL").HasDatabaseName("ix_notices_unread");
    }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.ToTable("deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Address).HasMaxLength(320);
        builder.Property(d => d.LastError).HasMaxLength(Delivery.MaxErrorLength);
        builder.HasOne<Notification>().WithMany().HasForeignKey(d => d.NotificationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.NotificationId, d.Channel }).IsUnique();

        // The dispatcher's queue: pending rows by due time.
        builder.HasIndex(d => d.NextAttemptAt).HasFilter("status = 0").HasDatabaseName("ix_deliveries_due");
    }
}

internal sealed class PreferenceConfiguration : IEntityTypeConfiguration<Preference>
{
    public void Configure(EntityTypeBuilder<Preference> builder)
    {
        builder.ToTable("preferences");
        builder.HasKey(p => p.EmployeeId);
        builder.Property(p => p.EmployeeId).ValueGeneratedNever();
        builder.Property(p => p.WhatsAppNumber).HasMaxLength(20);
    }
}
