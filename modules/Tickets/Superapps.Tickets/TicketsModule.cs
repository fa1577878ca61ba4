using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor;
using Npgsql;
using Superapps.Modularity;
using Superapps.Scheduling;
using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Data.Seed;
using Superapps.Tickets.Features.Attachments;
using Superapps.Tickets.Features.Calendar;
using Superapps.Tickets.Features.Desk;
using Superapps.Tickets.Features.Incidents;
using Superapps.Tickets.Features.Live;
using Superapps.Tickets.Features.Queue;
using Superapps.Tickets.Features.Reporting;
using Superapps.Tickets.Features.MailIntake;
using Superapps.Tickets.Features.Sites;
using Superapps.Tickets.Features.Reports;
using Superapps.Tickets.Features.Sla;
using Superapps.Tickets.Features.Sites.Import;
using Superapps.Tickets.Features.View;

namespace Superapps.Tickets;

/// <summary>Registers the Tickets module in a host.</summary>
public static class TicketsModule
{
    /// <summary>
    /// Adds the sites register (<see cref="INetworkSites"/>, <see cref="SiteRegister"/>), ticket reporting and the desk, the SLA
    /// calendar with its seeded holidays, and the data in schema <c>tickets</c>, with <see cref="TicketsOptions"/> from
    /// <c>Superapps:Tickets</c> checked at start, and the portal entry (<see cref="TicketsPortalModule"/>). Needs an
    /// <see cref="NpgsqlDataSource"/>, an <see cref="IAuditTrail"/> and, for the demo sites, the organisation directory.
    /// </summary>
    public static IServiceCollection AddTicketsModule(this IServiceCollection services)
    {
        services.AddOptions<TicketsOptions>().BindConfiguration(TicketsOptions.Section)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                options.MailIntake.InboundDirectory ??= Path.Combine(configuration["Superapps:DataDirectory"] ?? ".data", "mail-inbound");
                // The helpdesk OPD was once also set as Escalation:AgencyCode; a configuration that still does so keeps working.
                if (configuration[$"{TicketsOptions.Section}:{nameof(TicketsOptions.HelpdeskAgencyCode)}"] is null
                    && configuration[$"{TicketsOptions.Section}:Escalation:AgencyCode"] is { Length: > 0 } legacy)
                {
                    options.HelpdeskAgencyCode = legacy;
                }
            })
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TicketsOptions>, TicketsOptionsValidator>());
        services.AddDbContext<TicketsDbContext>((sp, options) => options.UseModuleDatabase(sp.GetRequiredService<NpgsqlDataSource>(), TicketsDbContext.Schema));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMigrationsInitializer<TicketsDbContext>(order: 50);
        services.AddSingleton<IDatabaseInitializer, HolidaySeeder>();
        services.AddSingleton<IDatabaseInitializer, DemoSitesSeeder>();

        services.TryAddScoped<INetworkSites, NetworkSites>();
        services.TryAddScoped<ISiteMonitoring, SiteMonitoring>();
        services.TryAddScoped<SiteRegister>();
        services.TryAddScoped<TicketReporting>();
        services.TryAddScoped<SlaTracking>();
        services.TryAddScoped<TicketDesk>();
        services.TryAddScoped<SlaRecipients>();
        services.TryAddScoped<SlaWatch>();
        services.TryAddScoped<TicketReports>();
        services.TryAddScoped<TicketReportRollups>();
        services.AddRecurringJob<TicketRollupJob>(TicketRollupJob.Name, TicketRollupJob.Interval);
        services.AddRecurringJob<SlaJob>(SlaJob.Name, SlaJob.Interval);
        services.TryAddScoped<TicketCalendar>();
        services.TryAddSingleton<TicketUploadChecker>();
        services.TryAddScoped<TicketAttachments>();
        services.TryAddScoped<TicketIncidents>();
        services.TryAddScoped<ReporterTickets>();
        services.TryAddScoped<SiteImport>();
        services.TryAddScoped<SiteQueries>();
        services.TryAddSingleton<IInboundMailSource, LocalInboundMailSource>();
        services.TryAddScoped<MailIntakeService>();
        // Declared like AddRecurringJob, with the interval read from the options when the scheduler starts.
        services.TryAddScoped<MailIntakeJob>();
        services.AddSingleton(sp => new RecurringJob(MailIntakeJob.Name, typeof(MailIntakeJob), sp.GetRequiredService<IOptions<TicketsOptions>>().Value.MailIntake.Interval, null));
        services.TryAddSingleton<TicketChanges>();
        services.TryAddSingleton<TicketQueue>();
        services.TryAddSingleton<TicketViews>();
        services.TryAddScoped<TechnicianDirectory>();
        services.AddPortalModule<TicketsPortalModule>();
        return services;
    }
}

/// <summary>
/// The Tickets module as the portal shell sees it. Who may do what: any employee reports faults of their OPD's sites and
/// follows their own tickets; technicians (<see cref="Roles.HelpdeskTechnician"/>) and the helpdesk lead
/// (<see cref="Roles.HelpdeskLead"/>) work the queue, and only the lead triages and assigns; the lead and the system
/// administrator keep the sites register; the lead and the city's leaders read the reports.
/// </summary>
public sealed class TicketsPortalModule : IPortalModule
{
    /// <summary>Diskominfo's helpdesk: technicians and the helpdesk lead (the queue, ticket work, incidents).</summary>
    public const string HelpdeskPolicy = "tickets.helpdesk";

    /// <summary>The helpdesk lead: triage, assignment, grouping into incidents, the SLA calendar.</summary>
    public const string LeadPolicy = "tickets.lead";

    /// <summary>The sites register and the network tree: the helpdesk lead and the system administrator.</summary>
    public const string SitesPolicy = "tickets.sites";

    /// <summary>SLA and workload reports: the helpdesk, the system administrator and the leaders (pimpinan).</summary>
    public const string ReportsPolicy = "tickets.reports";

    public string Name => TicketsDbContext.Schema;

    public Assembly PagesAssembly => typeof(TicketsPortalModule).Assembly;

    public IReadOnlyList<NavigationItem> Navigation { get; } =
    [
        new("Laporkan Gangguan", "Report a fault", "/tiket/lapor", Icons.Material.Filled.ReportProblem, Policies.Employee, 300,
            "Laporkan gangguan internet atau jaringan di kantor Anda", "Report an internet or network fault at your office"),
        new("Tiket Saya", "My tickets", "/tiket", Icons.Material.Filled.ConfirmationNumber, Policies.Employee, 301,
            "Laporan gangguan Anda dan statusnya", "Your fault reports and their status"),
        new("Status Jaringan", "Network status", "/status-jaringan", Icons.Material.Filled.NetworkCheck, Policies.Employee, 302,
            "Gangguan jaringan yang sedang ditangani", "Network outages being worked on"),
        new("Insiden Jaringan", "Network incidents", "/tiket/insiden", Icons.Material.Filled.Hub, HelpdeskPolicy, 321,
            "Gabungkan tiket di belakang titik jaringan yang sama", "Group the tickets behind the same network node"),
        new("Laporan Tiket", "Ticket reports", "/tiket/laporan", Icons.Material.Filled.Insights, ReportsPolicy, 380,
            "MTTR, persentase SLA, tiket per kategori, OPD dan lokasi", "MTTR, SLA percentages, tickets by category, agency and site"),
        new("Lokasi Jaringan", "Network sites", "/tiket/lokasi", Icons.Material.Filled.Lan, SitesPolicy, 380,
            "Register lokasi dan simpul jaringan", "The register of network sites and nodes"),
        new("Kalender SLA", "SLA calendar", "/tiket/kalender", Icons.Material.Filled.EventBusy, HelpdeskPolicy, 385,
            "Hari libur dan jam layanan helpdesk", "Holidays and helpdesk business hours"),
        new("Antrian Helpdesk", "Helpdesk queue", "/tiket/antrian", Icons.Material.Filled.SupportAgent, HelpdeskPolicy, 320,
            "Tiket gangguan TIK untuk ditangani", "ICT fault tickets to work on"),
    ];

    public IReadOnlyList<Type> HomeWidgets { get; } = [typeof(Pages.MyTickets.MyTicketsSummary)];

    public void AddPolicies(AuthorizationOptions options)
    {
        options.AddPolicy(HelpdeskPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.HelpdeskTechnician, Roles.HelpdeskLead));
        options.AddPolicy(LeadPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.HelpdeskLead));
        options.AddPolicy(SitesPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.HelpdeskLead, Roles.Administrator));
        options.AddPolicy(ReportsPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.HelpdeskTechnician, Roles.HelpdeskLead, Roles.Administrator, Roles.Leader));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        TicketFileEndpoints.Map(endpoints);
        TicketReportEndpoints.Map(endpoints);
        SiteImportEndpoints.Map(endpoints);
        TicketMoveEndpoints.Map(endpoints);
    }
}
