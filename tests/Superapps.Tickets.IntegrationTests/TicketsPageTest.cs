using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;
using Superapps.Testing;
using Superapps.Tickets.Features.Access;
using Superapps.Tickets.Features.Attachments;
using Superapps.Tickets.Features.Desk;
using Superapps.Tickets.Features.Incidents;
using Superapps.Tickets.Features.Live;
using Superapps.Tickets.Features.Queue;
using Superapps.Tickets.Features.Sites;
using Superapps.Tickets.Features.Sites.Import;
using Superapps.Tickets.Features.View;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>
/// The base of the Tickets pages' component tests (<see cref="ModulePageTest"/>): the module as <see cref="TicketsHarness"/> starts it,
/// with <see cref="TestDirectory"/> as the organisation, the pages' services, and the module's users signed in with their roles' policies.
/// </summary>
public abstract class TicketsPageTest(PostgresServer server) : ModulePageTest(server)
{
    protected TicketsHarness Harness { get; private set; } = null!;

    protected override async Task<ModuleServices> StartModuleAsync(PostgresServer postgres)
    {
        Harness = await TicketsHarness.CreateAsync(postgres, s => s.AddSingleton<IOrganizationDirectory, TestDirectory>());
        return Harness.Services;
    }

    protected override ValueTask StopModuleAsync() => Harness.DisposeAsync();

    protected override void AddPageServices()
    {
        FromCircuit<IOptions<TicketsOptions>>();
        FromCircuit<IOrganizationDirectory>();
        FromCircuit<SiteQueries>();
        FromCircuit<SiteRegister>();
        FromCircuit<SiteImport>();
        FromCircuit<TicketIncidents>();
        FromCircuit<TicketQueue>();
        FromCircuit<TicketViews>();
        FromCircuit<TicketDesk>();
        FromCircuit<TicketChanges>();
        FromCircuit<TechnicianDirectory>();
        FromCircuit<TicketAttachments>();
        FromCircuit<TicketUploadChecker>();
    }

    /// <summary>Signs <paramref name="who"/> in as the portal does, with the policies their roles give.</summary>
    protected void SignIn(TicketPrincipal who)
    {
        List<string> roles = [];
        List<string> policies = [];
        if (who.IsTechnician)
        {
            roles.Add(Roles.HelpdeskTechnician);
            policies.Add(TicketsPortalModule.HelpdeskPolicy);
        }

        if (who.IsHelpdeskLead)
        {
            roles.Add(Roles.HelpdeskLead);
            policies.AddRange([TicketsPortalModule.HelpdeskPolicy, TicketsPortalModule.LeadPolicy, TicketsPortalModule.SitesPolicy]);
        }

        SignIn(new PortalUser(who.Name, who.EmployeeId, who.AgencyId, roles, policies));
    }
}
