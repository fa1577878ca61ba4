using System.Security.Claims;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Superapps.SharedKernel;
using Xunit;

namespace Superapps.Testing;

/// <summary>
/// The base of a module's page tests: the module on a fresh PostgreSQL database with its real migrations, and one scope of it
/// standing for the page's circuit, whose services are registered into bUnit's own service collection (bUnit builds no second
/// container; every page service is the real one). What differs between modules is the module's start, the page services and how
/// the module's users sign in.
/// </summary>
public abstract partial class ModulePageTest(PostgresServer server) : SuperappsComponentTest, IAsyncLifetime
{
    /// <summary>How long to wait for a page's database reads: a condition, never a fixed sleep.</summary>
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private AsyncServiceScope _circuit;

    /// <summary>The module's services (its migrations applied, its clock a <see cref="TimeProvider"/> singleton).</summary>
    protected ModuleServices Module { get; private set; } = null!;

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        Module = await StartModuleAsync(server);
        _circuit = Module.CreateScope();
        Services.AddSingleton(Module.Services.GetRequiredService<TimeProvider>());
        AddPageServices();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _circuit.DisposeAsync();
        await StopModuleAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts the module on a fresh database of <paramref name="postgres"/>, e.g. through the module's test harness.</summary>
    protected abstract Task<ModuleServices> StartModuleAsync(PostgresServer postgres);

    /// <summary>Registers the services the pages inject, each with <see cref="FromCircuit{T}"/>.</summary>
    protected abstract void AddPageServices();

    /// <summary>Stops what <see cref="StartModuleAsync"/> started; a harness that owns more than the services disposes itself here.</summary>
    protected virtual ValueTask StopModuleAsync() => Module.DisposeAsync();

    /// <summary>Gives the pages the circuit scope's <typeparamref name="T"/>.</summary>
    protected void FromCircuit<T>()
        where T : class => Services.AddScoped(_ => _circuit.ServiceProvider.GetRequiredService<T>());

    /// <summary>Signs <paramref name="user"/> in as the portal does: employee and OPD claims, roles, and the policies those roles give.</summary>
    protected void SignIn(PortalUser user)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(user.Name);
        auth.SetRoles([.. user.Roles]);
        auth.SetPolicies([Policies.Employee, .. user.Policies.Distinct()]);
        List<Claim> claims = [new(SuperappsClaimTypes.EmployeeId, user.EmployeeId.ToString()), new("name", user.Name)];
        if (user.AgencyId is { } agency)
        {
            claims.Add(new Claim(SuperappsClaimTypes.AgencyId, agency.ToString()));
        }

        claims.AddRange(user.Claims ?? []);
        // Last: setting the roles builds the principal again without the claims set before.
        auth.SetClaims([.. claims]);
    }

    /// <summary>The input of a MudBlazor field: the test id is on the input itself or on the field around it.</summary>
    protected static IElement Input<TComponent>(IRenderedComponent<TComponent> cut, string testId)
        where TComponent : class, IComponent =>
        cut.FindAll($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea")[0];

    /// <summary>An element's text as a user reads it: runs of white space (markup's line breaks) as one space.</summary>
    protected static string Text(IElement element) => WhiteSpace().Replace(element.TextContent, " ").Trim();

    /// <summary>Chooses a value of a MudSelect as a user picking it from its list does.</summary>
    protected static Task ChooseAsync<TComponent, T>(IRenderedComponent<TComponent> cut, string testId, T value)
        where TComponent : class, IComponent
    {
        var select = cut.FindComponents<MudSelect<T>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-testid"), testId));
        return cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}

/// <summary>
/// A signed-in portal user as a page test sees them: the employee, their OPD, their roles and the policies those give, and any further
/// claims the portal gives them (e.g. their Plt/Plh positions).
/// </summary>
public sealed record PortalUser(string Name, Guid EmployeeId, Guid? AgencyId, IReadOnlyList<string> Roles, IReadOnlyList<string> Policies,
    IReadOnlyList<Claim>? Claims = null);
