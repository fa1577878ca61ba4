using System.Security.Claims;
using Bunit;
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
/// The base of the Tickets pages' component tests: the module on a fresh PostgreSQL database (<see cref="TicketsHarness"/>, with
/// <see cref="TestDirectory"/> as the organisation), and one scope of it standing for the page's circuit, whose services are
/// registered into bUnit's own service collection (bUnit builds no second container; every page service is the real one).
/// </summary>
public abstract class TicketsPageTest(PostgresServer server) : SuperappsComponentTest, IAsyncLifetime
{
    /// <summary>How long to wait for a page's database reads: a condition, never a fixed sleep.</summary>
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private AsyncServiceScope _circuit;

    protected TicketsHarness Harness { get; private set; } = null!;

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        Harness = await TicketsHarness.CreateAsync(server, s => s.AddSingleton<IOrganizationDirectory, TestDirectory>());
        _circuit = Harness.NewScope();
        Services.AddSingleton<TimeProvider>(Harness.Clock);
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

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _circuit.DisposeAsync();
        await Harness.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Signs <paramref name="who"/> in as the portal does (employee and OPD claims, roles), with the policies their roles give.</summary>
    protected void SignIn(TicketPrincipal who)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(who.Name);
        List<Claim> claims = [new(SuperappsClaimTypes.EmployeeId, who.EmployeeId.ToString()), new("name", who.Name)];
        if (who.AgencyId is { } agency)
        {
            claims.Add(new Claim(SuperappsClaimTypes.AgencyId, agency.ToString()));
        }

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

        auth.SetRoles([.. roles]);
        auth.SetPolicies([Policies.Employee, .. policies.Distinct()]);
        // Last: setting the roles builds the principal again without the claims set before.
        auth.SetClaims([.. claims]);
    }

    /// <summary>The input of a MudBlazor field: the test id is on the input itself or on the field around it.</summary>
    protected static AngleSharp.Dom.IElement Input<TComponent>(IRenderedComponent<TComponent> cut, string testId)
        where TComponent : class, Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea")[0];

    /// <summary>An element's text as a user reads it: runs of white space (markup's line breaks) as one space.</summary>
    protected static string Text(AngleSharp.Dom.IElement element) => System.Text.RegularExpressions.Regex.Replace(element.TextContent, @"\s+", " ").Trim();

    /// <summary>Chooses a value of a MudSelect as a user picking it from its list does.</summary>
    protected static Task ChooseAsync<TComponent, T>(IRenderedComponent<TComponent> cut, string testId, T value)
        where TComponent : class, Microsoft.AspNetCore.Components.IComponent
    {
        var select = cut.FindComponents<MudBlazor.MudSelect<T>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-testid"), testId));
        return cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    private void FromCircuit<T>()
        where T : class => Services.AddScoped(_ => _circuit.ServiceProvider.GetRequiredService<T>());
}
