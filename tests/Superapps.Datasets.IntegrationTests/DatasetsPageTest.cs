using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Superapps.Datasets.Features.Access;
using Superapps.Datasets.Features.DataList;
using Superapps.Datasets.Features.History;
using Superapps.Datasets.Features.Review;
using Superapps.Datasets.Features.Uploads;
using Superapps.Datasets.Features.Versions;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>
/// The base of the Datasets pages' component tests (<see cref="ModulePageTest"/>): the module as <see cref="DatasetsHarness"/> starts
/// it, the services of the data list, upload, review and version pages, and the module's users signed in with their roles' policies.
/// </summary>
public abstract class DatasetsPageTest(PostgresServer server) : ModulePageTest(server)
{
    /// <summary>Changes to the module's services for one test class (e.g. a small upload limit).</summary>
    protected virtual void Configure(IServiceCollection services)
    {
    }

    protected override Task<ModuleServices> StartModuleAsync(PostgresServer postgres) => DatasetsHarness.CreateAsync(postgres, Configure);

    protected override void AddPageServices()
    {
        FromCircuit<IOptions<DatasetsOptions>>();
        FromCircuit<IOrganizationDirectory>();
        FromCircuit<DataListQueries>();
        FromCircuit<DataListDesk>();
        FromCircuit<DataListImport>();
        FromCircuit<DatasetUploads>();
        FromCircuit<ReviewQueue>();
        FromCircuit<DatasetReview>();
        FromCircuit<VersionViews>();
        FromCircuit<VersionDiff>();
    }

    /// <summary>Signs <paramref name="who"/> in as the portal does, with the policies their roles give.</summary>
    protected void SignIn(DataUser who)
    {
        List<string> roles = [];
        List<string> policies = [DatasetsPortalModule.DataListPolicy];
        if (who.IsCustodian)
        {
            roles.Add(Roles.DataCustodian);
            policies.AddRange([DatasetsPortalModule.CustodianPolicy, DatasetsPortalModule.OperatorPolicy, DatasetsPortalModule.CompliancePolicy]);
        }
        else if (who.IsOperator)
        {
            roles.Add(Roles.DataOperator);
            policies.Add(DatasetsPortalModule.OperatorPolicy);
        }

        SignIn(new PortalUser(who.Name, who.EmployeeId, who.AgencyId, roles, policies));
    }
}
