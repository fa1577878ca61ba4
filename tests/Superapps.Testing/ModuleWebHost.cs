using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Superapps.Modularity;
using Superapps.Notifications.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Testing;

/// <summary>
/// One or more modules' HTTP endpoints served by Kestrel on a loopback port, over a fresh database with their real migrations: the
/// portal's pipeline (authentication, authorization with the portal's policies and each module's, antiforgery) without its sign-in
/// through the identity server. Who calls is a <see cref="TestUser"/> sent with each request (<see cref="CreateClient"/>).
/// </summary>
/// <remarks>
/// Cheaper than the whole portal and identity server (<c>DevStack</c>, for browser journeys), and real where it matters for an
/// endpoint: HTTP over a socket, routing, model binding, status codes, policies and PostgreSQL.
/// </remarks>
public sealed class ModuleWebHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ModuleWebHost(WebApplication app, Uri address, string connectionString)
    {
        _app = app;
        Address = address;
        ConnectionString = connectionString;
    }

    public Uri Address { get; }

    public string ConnectionString { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Everything audited so far.</summary>
    public AuditRecorder Audit => _app.Services.GetRequiredService<AuditRecorder>();

    public AsyncServiceScope CreateScope() => _app.Services.CreateAsyncScope();

    /// <summary>Builds the host with the modules <paramref name="configure"/> adds, migrates a fresh database and starts listening.</summary>
    /// <param name="seedDemo">Seeds the modules' demo data (the demo city), as the development host does.</param>
    public static async Task<ModuleWebHost> StartAsync(PostgresServer server, Action<IServiceCollection> configure, TimeProvider? clock = null, bool seedDemo = false)
    {
        var connectionString = await server.CreateDatabaseAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning);
        var services = builder.Services;
        services.AddSingleton(NpgsqlDataSource.Create(connectionString));
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddSingleton<AuditRecorder>();
        services.AddScoped<IAuditTrail, RecordingAuditTrail>();
        services.AddAuthentication(TestUserAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, TestUserAuthentication>(TestUserAuthentication.SchemeName, null);
        // The portal's own policies (PortalModuleExtensions.AddPortalAuthorization); the modules add theirs as they register.
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Employee, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Administrator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAntiforgery();
        configure(services);
        services.TryAddSingleton<RecordingNotifier>();
        services.TryAddSingleton<INotifier>(sp => sp.GetRequiredService<RecordingNotifier>());
        builder.WebHost.UseDefaultServiceProvider(o => o.ValidateScopes = true);

        var app = builder.Build();
        await app.Services.InitializeDatabaseAsync(migrate: true, seedDemo: seedDemo);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        foreach (var module in app.Services.GetServices<IPortalModule>())
        {
            module.MapEndpoints(app);
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ModuleWebHost(app, new Uri(address), connectionString);
    }

    /// <summary>A client calling as <paramref name="user"/> (nobody when null: the request is anonymous).</summary>
    public HttpClient CreateClient(TestUser? user = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Address };
        if (user is not null)
        {
            foreach (var claim in user.Claims())
            {
                client.DefaultRequestHeaders.Add(TestUserAuthentication.Header, $"{Uri.EscapeDataString(claim.Type)}={Uri.EscapeDataString(claim.Value)}");
            }
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Who calls a <see cref="ModuleWebHost"/>: the claims the portal's sign-in would give them.</summary>
public sealed record TestUser(string Name, Guid? EmployeeId, Guid? AgencyId, params string[] Roles)
{
    public IEnumerable<Claim> Claims()
    {
        yield return new Claim("sub", Name);
        yield return new Claim("name", Name);
        if (EmployeeId is { } employee)
        {
            yield return new Claim(SuperappsClaimTypes.EmployeeId, employee.ToString());
        }

        if (AgencyId is { } agency)
        {
            yield return new Claim(SuperappsClaimTypes.AgencyId, agency.ToString());
        }

        foreach (var role in Roles)
        {
            yield return new Claim(ClaimTypes.Role, role);
        }
    }
}

/// <summary>Signs in the <see cref="TestUser"/> whose claims a request carries in <see cref="Header"/>; a request without them is anonymous.</summary>
internal sealed class TestUserAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Header = "X-Test-Claim";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = values.SelectMany(v => (v ?? string.Empty).Split(','))
            .Select(v => v.Trim().Split('=', 2))
            .Where(p => p.Length == 2)
            .Select(p => new Claim(Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p[1])));
        var identity = new ClaimsIdentity(claims, SchemeName, "name", ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
