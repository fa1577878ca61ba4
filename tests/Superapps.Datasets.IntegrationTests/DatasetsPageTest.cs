using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Superapps.Datasets.Features.Access;
using Superapps.Datasets.Features.DataList;
using Superapps.Datasets.Features.Uploads;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>
/// The base of the Datasets pages' component tests: the module on a fresh PostgreSQL database (<see cref="DatasetsHarness"/>), and one
/// scope of it standing for the page's circuit, whose services are registered into bUnit's own service collection.
/// </summary>
public abstract class DatasetsPageTest(PostgresServer server) : SuperappsComponentTest, IAsyncLifetime
{
    /// <summary>How long to wait for a page's database reads: a condition, never a fixed sleep.</summary>
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private AsyncServiceScope _circuit;

    protected ModuleServices Module { get; private set; } = null!;

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <summary>Changes to the module's services for one test class (e.g. a small upload limit).</summary>
    protected virtual void Configure(IServiceCollection services)
    {
    }

    public virtual async ValueTask InitializeAsync()
    {
        Module = await DatasetsHarness.CreateAsync(server, Configure);
        _circuit = Module.CreateScope();
        Services.AddSingleton(Module.Services.GetRequiredService<TimeProvider>());
        FromCircuit<IOptions<DatasetsOptions>>();
        FromCircuit<IOrganizationDirectory>();
        FromCircuit<DataListQueries>();
        FromCircuit<DataListDesk>();
        FromCircuit<DataListImport>();
        FromCircuit<DatasetUploads>();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _circuit.DisposeAsync();
        await Module.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Signs <paramref name="who"/> in as the portal does (employee and OPD claims, roles), with the policies their roles give.</summary>
    protected void SignIn(DataUser who)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(who.Name);
        List<string> roles = [];
        List<string> policies = [Policies.Employee, DatasetsPortalModule.DataListPolicy];
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

        auth.SetRoles([.. roles]);
        auth.SetPolicies([.. policies]);
        List<Claim> claims = [new(SuperappsClaimTypes.EmployeeId, who.EmployeeId.ToString()), new("name", who.Name)];
        if (who.AgencyId is { } agency)
        {
            claims.Add(new Claim(SuperappsClaimTypes.AgencyId, agency.ToString()));
        }

        // Last: setting the roles builds the principal again without the claims set before.
        auth.SetClaims([.. claims]);
    }

    /// <summary>The input of a MudBlazor field: the test id is on the input itself or on the field around it.</summary>
    protected static AngleSharp.Dom.IElement Input<TComponent>(IRenderedComponent<TComponent> cut, string testId)
        where TComponent : class, Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea")[0];

    /// <summary>An element's text as a user reads it: runs of white space as one space.</summary>
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
