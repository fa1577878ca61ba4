using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Superapps.Tickets.Features.MailIntake;

namespace Superapps.Tickets.Data.Configurations;

internal sealed class InboundMessageConfiguration : IEntityTypeConfiguration<InboundMessage>
{
    public void Configure(EntityTypeBuilder<InboundMessage> builder)
    {
        builder.ToTable("inbound_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.MessageId).HasMaxLength(1000);
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.Property(m => m.FileName).HasMaxLength(300);
        builder.Property(m => m.Sender).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.TicketNumber).HasMaxLength(20);
        builder.Property(m => m.Reason).HasMaxLength(1000);
    }
}
