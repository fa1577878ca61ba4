using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Domain.Calendar;
using Superapps.Tickets.Domain.Incidents;
using Superapps.Tickets.Domain.Sites;
using Superapps.Tickets.Features.Reporting;
using Superapps.Tickets.Features.Reports;

namespace Superapps.Tickets.Data;

/// <summary>The Tickets module's data, in schema <c>tickets</c>: network sites and nodes, tickets with their history,
/// comments and attachments (with their bytes), incidents grouping tickets behind a failed node, the yearly number counters, the SLA
/// calendar, the e-mails taken in, and the reports' monthly roll-up, which every save keeps equal to the tickets (below).</summary>
/// <remarks>
/// Add a migration with:
/// <code>dotnet ef migrations add &lt;Name&gt; --project modules/Tickets/Superapps.Tickets --context TicketsDbContext --output-dir Data/Migrations</code>
/// <para>A save that changes what a ticket contributes to the reports also recomputes the roll-up rows it touched, in the same
/// transaction (one is opened when the caller has none): <see cref="TicketReportRollups"/>, docs/adr/0013-ticket-report-rollups.md.
/// Months are taken in the city's zone from <see cref="TicketsOptions"/> of the host (the default zone when the context was made
/// without a host, as <c>dotnet ef</c> does).</para>
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

    public DbSet<TicketMonthlyStats> TicketMonthlyStats => Set<TicketMonthlyStats>();

    private TimeZoneInfo? _zone;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (TicketReportRollups.TouchedKeys(ChangeTracker, ReportZone()).Count > 0)
        {
            throw new InvalidOperationException("Tickets are saved with SaveChangesAsync: the reports' roll-up is recomputed asynchronously.");
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var zone = ReportZone();
        var keys = TicketReportRollups.TouchedKeys(ChangeTracker, zone);
        if (keys.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (!acceptAllChangesOnSuccess)
        {
            throw new InvalidOperationException("Tickets are saved accepting their changes: the reports' roll-up is saved after them.");
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await TicketReportRollups.RecomputeAsync(this, keys, zone, token => base.SaveChangesAsync(true, token), cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>The city's zone from the host's options (the context is made by the host's container), else the default.</summary>
    private TimeZoneInfo ReportZone() => _zone ??=
        (this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<IOptions<TicketsOptions>>()?.Value
            ?? new TicketsOptions()).FindTimeZone();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TicketsDbContext).Assembly);
    }
}
