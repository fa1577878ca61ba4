using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Superapps.Tickets.Domain;

namespace Superapps.Tickets.Data.Configurations;

internal sealed class TicketCommentConfiguration : IEntityTypeConfiguration<TicketComment>
{
    public void Configure(EntityTypeBuilder<TicketComment> builder)
    {
        builder.ToTable("ticket_comments");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.AuthorUserId).HasMaxLength(100);
        builder.Property(c => c.AuthorName).HasMaxLength(200);
        builder.Property(c => c.AuthorRole).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Text).HasMaxLength(4000);
        builder.HasIndex(c => new { c.TicketId, c.At });
    }
}
