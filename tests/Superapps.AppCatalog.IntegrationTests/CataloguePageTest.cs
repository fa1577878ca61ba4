using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Superapps.AppCatalog.Features.Catalogue;
using Superapps.AppCatalog.Features.Import;
using Superapps.AppCatalog.Features.Launcher;
using Superapps.AppCatalog.Features.Portfolio;
using Superapps.AppCatalog.Features.Usage;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.AppCatalog.IntegrationTests;

/// <summary>
/// The base of the catalogue's component tests: the module on a fresh PostgreSQL database (<see cref="CatalogueHarness"/>), and one scope of it
/// standing for the page's circuit, whose services are registered into bUnit's own service collection.
/// </summary>
public abstract class CataloguePageTest(PostgresServer server) : SuperappsComponentTest, IAsyncLifetime
{
    /// <summary>How long to wait for a page's database reads: a condition, never a fixed sleep.</summary>
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private AsyncServiceScope _circuit;

    protected ModuleServices Module { get; private set; } = null!;

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        Module = await CatalogueHarness.CreateAsync(server);
        _circuit = Module.CreateScope();
        Services.AddSingleton(Module.Services.GetRequiredService<TimeProvider>());
        FromCircuit<IOrganizationDirectory>();
        FromCircuit<CatalogueQueries>();
        FromCircuit<CatalogueDesk>();
        FromCircuit<CatalogueImport>();
        FromCircuit<UsageQueries>();
        FromCircuit<PortfolioQueries>();
        FromCircuit<LauncherTiles>();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _circuit.DisposeAsync();
        await Module.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Signs a user in as the portal does: roles, home OPD and the OPDs of their positions (Plt/Plh).</summary>
    protected void SignIn(string name, Guid? agencyId, string[] roles, params Guid[] positionAgencies)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(name);
        auth.SetRoles(roles);
        List<string> policies = [Policies.Employee];
        if (roles.Contains(Roles.Administrator))
        {
            policies.AddRange([AppCatalogPortalModule.ManagePolicy, AppCatalogPortalModule.PortfolioPolicy]);
        }

        auth.SetPolicies([.. policies]);
        List<Claim> claims = [new("name", name)];
        if (agencyId is { } agency)
        {
            claims.Add(new Claim(SuperappsClaimTypes.AgencyId, agency.ToString()));
        }

        claims.AddRange(positionAgencies.Select(a => new Claim(SuperappsClaimTypes.Position, $$"""{"id":"{{Guid.NewGuid()}}","title":"Plt","agencyId":"{{a}}","kind":"Plt"}""")));
        // Last: setting the roles builds the principal again without the claims set before.
        auth.SetClaims([.. claims]);
    }

    /// <summary>The input of a MudBlazor field: the test id is on the input itself or on the field around it.</summary>
    protected static AngleSharp.Dom.IElement Input<TComponent>(IRenderedComponent<TComponent> cut, string testId)
        where TComponent : class, Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea")[0];

    private void FromCircuit<T>()
        where T : class => Services.AddScoped(_ => _circuit.ServiceProvider.GetRequiredService<T>());
}
