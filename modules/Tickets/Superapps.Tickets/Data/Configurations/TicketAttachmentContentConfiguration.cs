using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Superapps.Tickets.Domain;

namespace Superapps.Tickets.Data.Configurations;

internal sealed class TicketAttachmentContentConfiguration : IEntityTypeConfiguration<TicketAttachmentContent>
{
    public void Configure(EntityTypeBuilder<TicketAttachmentContent> builder)
    {
        builder.ToTable("ticket_attachment_contents");
        builder.HasKey(c => c.AttachmentId);
        builder.Property(c => c.AttachmentId).ValueGeneratedNever();
        builder.HasOne<TicketAttachment>().WithOne().HasForeignKey<TicketAttachmentContent>(c => c.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
