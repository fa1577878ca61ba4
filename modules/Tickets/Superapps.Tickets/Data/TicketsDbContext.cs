using Microsoft.EntityFrameworkCore;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Domain.Calendar;
using Superapps.Tickets.Domain.Incidents;
using Superapps.Tickets.Domain.Sites;
using Superapps.Tickets.Features.Reporting;

namespace Superapps.Tickets.Data;

/// <summary>The Tickets module's data, in schema <c>tickets</c>: network sites and nodes, tickets with their history,
/// comments and attachments (with their bytes), incidents grouping tickets behind a failed node, the yearly number counters, the SLA
/// calendar and the e-mails taken in.</summary>
/// <remarks>
/// Add a migration with:
/// <code>dotnet ef migrations add &lt;Name&gt; --project modules/Tickets/Superapps.Tickets --context TicketsDbContext --output-dir Data/Migrations</code>
/// </remarks>
public sealed class TicketsDbContext(DbContextOptions<TicketsDbContext> options) : DbContext(options)
{
    public const string Schema = "tickets";

    public DbSet<NetworkNode> NetworkNodes => Set<NetworkNode>();

    public DbSet<Site> Sites => Set<Site>();

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<TicketEvent> TicketEvents => Set<TicketEvent>();

    public DbSet<TicketComment> TicketComments => Set<TicketComment>();

    public DbSet<TicketAttachment> TicketAttachments => Set<TicketAttachment>();

    public DbSet<TicketAttachmentContent> TicketAttachmentContents => Set<TicketAttachmentContent>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<TicketNumberCounter> NumberCounters => Set<TicketNumberCounter>();

    public DbSet<CalendarEntry> CalendarEntries => Set<CalendarEntry>();

    public DbSet<Features.MailIntake.InboundMessage> InboundMessages => Set<Features.MailIntake.InboundMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TicketsDbContext).Assembly);
    }
}
