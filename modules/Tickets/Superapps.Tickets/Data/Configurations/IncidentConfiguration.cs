using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Domain.Incidents;
using Superapps.Tickets.Domain.Sites;

namespace Superapps.Tickets.Data.Configurations;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("incidents");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Number).HasMaxLength(20);
        builder.HasIndex(i => i.Number).IsUnique();
        builder.HasIndex(i => new { i.Year, i.Sequence }).IsUnique();
        builder.Property(i => i.Title).HasMaxLength(Incident.MaxTitleLength);
        builder.Property(i => i.NetworkNodeCode).HasMaxLength(50);
        builder.Property(i => i.NetworkNodeName).HasMaxLength(200);
        builder.Property(i => i.Area).HasMaxLength(200);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.CreatedByUserId).HasMaxLength(100);
        builder.Property(i => i.CreatedByName).HasMaxLength(200);
        builder.Property(i => i.ResolvedByUserId).HasMaxLength(100);
        builder.Property(i => i.ResolvedByName).HasMaxLength(200);
        builder.Property(i => i.ResolutionNote).HasMaxLength(Ticket.MaxTextLength);
        builder.Property(i => i.Version).IsRowVersion();
        builder.HasOne<NetworkNode>().WithMany().HasForeignKey(i => i.NetworkNodeId).OnDelete(DeleteBehavior.Restrict);
        // The status page and the report form read the open incidents.
        builder.HasIndex(i => new { i.Status, i.CreatedAt });
        builder.HasIndex(i => i.NetworkNodeId);
        builder.Ignore(i => i.IsOpen);
    }
}
