using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Superapps.Tickets.Domain.Sites;

namespace Superapps.Tickets.Data.Configurations;

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.ToTable("sites", t =>
        {
            t.HasCheckConstraint("ck_sites_latitude", "latitude IS NULL OR latitude BETWEEN -90 AND 90");
            t.HasCheckConstraint("ck_sites_longitude", "longitude IS NULL OR longitude BETWEEN -180 AND 180");
            t.HasCheckConstraint("ck_sites_coordinates_pair", "(latitude IS NULL) = (longitude IS NULL)");
        });
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Code).HasMaxLength(40);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        // The owning OPD lives in the Organization module: an id and a name snapshot, no foreign key across schemas.
        builder.Property(s => s.AgencyName).HasMaxLength(300);
        builder.HasIndex(s => s.AgencyId);
        builder.Property(s => s.Address).HasMaxLength(500);
        builder.HasOne<NetworkNode>().WithMany().HasForeignKey(s => s.NetworkNodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.NetworkNodeId);
        // The network monitoring's last report (ISiteMonitoring), set by the monitoring adapter.
        builder.Property(s => s.MonitoredStatus).HasConversion<string>().HasMaxLength(20);
    }
}
