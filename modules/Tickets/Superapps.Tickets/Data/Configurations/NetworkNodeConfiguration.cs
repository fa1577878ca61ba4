using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Superapps.Tickets.Domain.Sites;

namespace Superapps.Tickets.Data.Configurations;

internal sealed class NetworkNodeConfiguration : IEntityTypeConfiguration<NetworkNode>
{
    public void Configure(EntityTypeBuilder<NetworkNode> builder)
    {
        builder.ToTable("network_nodes", t =>
            t.HasCheckConstraint("ck_network_nodes_core_is_root", "(kind = 'Core') = (parent_id IS NULL)"));
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Code).HasMaxLength(40);
        builder.HasIndex(n => n.Code).IsUnique();
        builder.Property(n => n.Name).HasMaxLength(200);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<NetworkNode>().WithMany().HasForeignKey(n => n.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => n.ParentId);
    }
}
