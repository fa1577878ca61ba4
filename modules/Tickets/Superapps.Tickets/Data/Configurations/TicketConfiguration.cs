using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Domain.Incidents;
using Superapps.Tickets.Domain.Sites;

namespace Superapps.Tickets.Data.Configurations;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    /// <summary>The generated column the queue searches: number, site name and description.</summary>
    public const string SearchText = "SearchText";

    /// <summary>The open statuses, as stored: the queue's partial index and its "open" tab.</summary>
    public const string OpenFilter = "status IN ('New', 'Assigned', 'InProgress', 'Reopened')";

    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("tickets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Number).HasMaxLength(20);
        builder.HasIndex(t => t.Number).IsUnique();
        builder.HasIndex(t => new { t.Year, t.Sequence }).IsUnique();
        builder.Property(t => t.SiteName).HasMaxLength(200);
        builder.Property(t => t.AgencyName).HasMaxLength(300);
        builder.Property(t => t.Category).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Description).HasMaxLength(Ticket.MaxTextLength);
        builder.Property(t => t.Impact).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Urgency).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Priority).HasConversion<string>().HasMaxLength(2);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.ReporterUserId).HasMaxLength(100);
        builder.Property(t => t.ReporterName).HasMaxLength(200);
        builder.Property(t => t.AssigneeUserId).HasMaxLength(100);
        builder.Property(t => t.AssigneeName).HasMaxLength(200);
        builder.Property(t => t.AssignedTeam).HasMaxLength(100);
        builder.Property(t => t.Version).IsRowVersion();
        builder.Property(t => t.SlaPriority).HasConversion<string>().HasMaxLength(2);

        // The SLA reports (Features/Reports): tickets reported, and tickets resolved, in a period, read from the index alone.
        builder.HasIndex(t => t.CreatedAt, "ix_tickets_report_created").HasDatabaseName("ix_tickets_report_created")
            .IncludeProperties(t => new { t.Status, t.Category, t.AgencyId, t.SiteId, t.ResponseMet, t.ResolutionMet, t.ResolvedAt, t.ResolutionBusinessTime });
        builder.HasIndex(t => t.ResolvedAt, "ix_tickets_report_resolved").HasDatabaseName("ix_tickets_report_resolved")
            .IncludeProperties(t => new { t.Status, t.CreatedAt, t.Category, t.AgencyId, t.ResolutionMet, t.ResolutionBusinessTime })
            .HasFilter("resolved_at IS NOT NULL");

        builder.HasOne<Site>().WithMany().HasForeignKey(t => t.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.SiteId);
        builder.HasIndex(t => t.NetworkNodeId);
        builder.HasIndex(t => new { t.AgencyId, t.Priority, t.CreatedAt });
        builder.HasIndex(t => t.ReporterUserId);
        // The helpdesk queue: open tickets by status and priority, newest first.
        builder.HasIndex(t => new { t.Status, t.Priority, t.CreatedAt });
        builder.HasOne<Incident>().WithMany().HasForeignKey(t => t.IncidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.IncidentId);

        // The helpdesk queue's other orders and filters (Features/Queue/TicketQueue.cs, docs/performance.md): the open tickets
        // (a few thousand of 200,000) in the default order, priority then age, in a partial index, and every ticket and an OPD's in that order
        // (a common search term then reads in order until the page is full); the newest and last updated
        // for the closed and "all" tabs; a technician's own tickets by status; and the text search (number, site,
        // description) on a trigram index over one generated column.
        builder.HasIndex(t => new { t.Priority, t.CreatedAt }, "OpenQueue").HasFilter(OpenFilter).HasDatabaseName("ix_tickets_open_priority_created_at");
        builder.HasIndex(t => new { t.Priority, t.CreatedAt }, "Queue").HasDatabaseName("ix_tickets_priority_created_at");
        builder.HasIndex(t => t.CreatedAt);
        builder.HasIndex(t => t.UpdatedAt);
        builder.HasIndex(t => new { t.AssigneeUserId, t.Status });
        builder.Property<string>(SearchText).HasColumnType("text").HasComputedColumnSql("number || ' ' || site_name || ' ' || description", stored: true);
        builder.HasIndex(SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");

        builder.HasMany(t => t.Events).WithOne().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Events).HasField("_events").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(t => t.Comments).WithOne().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Comments).HasField("_comments").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(t => t.Attachments).WithOne().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Attachments).HasField("_attachments").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(t => t.Timeline);
        builder.Ignore(t => t.IsOpen);
    }
}
