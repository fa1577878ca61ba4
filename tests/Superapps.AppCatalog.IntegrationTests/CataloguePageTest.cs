using System.Security.Claims;
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
/// The base of the catalogue's component tests (<see cref="ModulePageTest"/>): the module as <see cref="CatalogueHarness"/> starts it, the
/// services of the catalogue, portfolio, app and launcher pages, and the module's users signed in with their roles' policies.
/// </summary>
public abstract class CataloguePageTest(PostgresServer server) : ModulePageTest(server)
{
    protected override Task<ModuleServices> StartModuleAsync(PostgresServer postgres) => CatalogueHarness.CreateAsync(postgres);

    protected override void AddPageServices()
    {
        FromCircuit<IOrganizationDirectory>();
        FromCircuit<CatalogueQueries>();
        FromCircuit<CatalogueDesk>();
        FromCircuit<CatalogueImport>();
        FromCircuit<UsageQueries>();
        FromCircuit<PortfolioQueries>();
        FromCircuit<LauncherTiles>();
    }

    /// <summary>Signs a user in as the portal does: roles (an administrator keeps the catalogue, a leader reads the portfolio), home OPD and the OPDs of their Plt/Plh positions.</summary>
    protected void SignIn(string name, Guid? agencyId, string[] roles, params Guid[] positionAgencies)
    {
        List<string> policies = [];
        if (roles.Contains(Roles.Administrator))
        {
            policies.AddRange([AppCatalogPortalModule.ManagePolicy, AppCatalogPortalModule.PortfolioPolicy]);
        }
        else if (roles.Contains(Roles.Leader))
        {
            policies.Add(AppCatalogPortalModule.PortfolioPolicy);
        }

        Claim[] positions = [.. positionAgencies.Select(a =>
            new Claim(SuperappsClaimTypes.Position, $$"""{"id":"{{Guid.NewGuid()}}","title":"Plt","agencyId":"{{a}}","kind":"Plt"}"""))];
        SignIn(new PortalUser(name, Guid.CreateVersion7(), agencyId, roles, policies, positions));
    }
}
