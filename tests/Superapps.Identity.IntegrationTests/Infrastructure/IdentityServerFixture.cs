using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Superapps.Audit.Data;
using Superapps.Identity.Data;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Identity.IntegrationTests.Infrastructure;

/// <summary>
/// The identity server with the demo city, in a fresh database per test class, its real migrations and
/// seeders applied on start.
/// </summary>
/// <remarks>
/// Hosted in-process (<see cref="WebApplicationFactory{TEntryPoint}"/> over TestServer) rather than as a
/// child process like <c>DevStack</c>: the pipeline, OpenIddict, Identity and PostgreSQL are the real ones
/// and the tests drive them over HTTP, while the tests can also reach the server's own services (the
/// administration service the admin pages use, the user manager) in the same container. There are no
/// ports to find, no build output to locate, and a failure shows its stack trace in the test.
/// </remarks>
public sealed class IdentityServerFixture(PostgresServer postgres) : IAsyncLifetime
{
    public const string ClientId = "portal";
    public const string DemoPassword = "Uji-Pinang-Gentala-Arasy-2026";
    public static readonly Uri RedirectUri = new("https://portal.test/callback/login");

    private readonly HashSet<string> _taken = [];
    private IdentityServerApplication? _application;
    private string _dataDirectory = string.Empty;

    public string ClientSecret { get; } = Guid.NewGuid().ToString("N");

    public string ConnectionString { get; private set; } = string.Empty;

    public IServiceProvider Services => Application.Services;

    private IdentityServerApplication Application => _application ?? throw new InvalidOperationException("The identity server has not started.");

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await postgres.CreateDatabaseAsync("identity");
        _dataDirectory = Path.Combine(Path.GetTempPath(), "superapps-identity-tests", Guid.NewGuid().ToString("N")[..12]);
        _application = new IdentityServerApplication(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Superapps"] = ConnectionString,
            ["Superapps:DataDirectory"] = _dataDirectory,
            ["Superapps:Database:MigrateOnStartup"] = "true",
            ["Superapps:Database:SeedDemoData"] = "true",
            ["Superapps:Identity:Issuer"] = "http://localhost/",
            ["Superapps:Identity:AllowHttp"] = "true",
            ["Superapps:Identity:DemoPassword"] = DemoPassword,
            ["Superapps:Identity:Clients:0:ClientId"] = ClientId,
            ["Superapps:Identity:Clients:0:ClientSecret"] = ClientSecret,
            ["Superapps:Identity:Clients:0:DisplayName"] = "Superapps Portal",
            ["Superapps:Identity:Clients:0:RedirectUris:0"] = RedirectUri.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        });

        // Starting the server runs the database initializers (migrations, roles, clients, demo city).
        await Task.Run(_application.StartServer);
    }

    /// <summary>A client with its own cookie jar that does not follow redirects, like a browser tab the test steers.</summary>
    public IdentityBrowser CreateBrowser() => new(Application.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("http://localhost/"),
    }), this);

    public AsyncServiceScope CreateScope() => Application.Services.CreateAsyncScope();

    /// <summary>
    /// A demo employee's account no other test of the class uses: signs in with NIP and the demo password,
    /// and belongs to no role that requires MFA.
    /// </summary>
    public async Task<ApplicationUser> TakeUserAsync()
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var mfaRoles = db.RolePolicies.Where(p => p.RequireMfa).Select(p => p.RoleName);
        var mfaRoleIds = db.Roles.Where(r => mfaRoles.Contains(r.Name!)).Select(r => r.Id);
        var candidates = await db.Users.AsNoTracking()
            .Where(u => u.EmployeeId != null && !u.IsDisabled && !EF.Functions.Like(u.UserName!, "%@%"))
            .Where(u => !db.UserRoles.Any(ur => ur.UserId == u.Id && mfaRoleIds.Contains(ur.RoleId)))
            .OrderBy(u => u.UserName)
            .Take(200)
            .ToListAsync();
        lock (_taken)
        {
            var user = candidates.First(u => !_taken.Contains(u.Id));
            _taken.Add(user.Id);
            return user;
        }
    }

    /// <summary>A fresh account made an administrator with TOTP enrolled; returns it with its authenticator key.</summary>
    public async Task<(ApplicationUser User, string AuthenticatorKey)> TakeAdministratorAsync(bool enrolMfa = true)
    {
        var user = await TakeUserAsync();
        await using var scope = CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var tracked = (await users.FindByIdAsync(user.Id))!;
        (await users.AddToRoleAsync(tracked, Roles.Administrator)).Succeeded.ShouldBeTrue();
        (await users.ResetAuthenticatorKeyAsync(tracked)).Succeeded.ShouldBeTrue();
        var key = (await users.GetAuthenticatorKeyAsync(tracked))!;
        if (enrolMfa)
        {
            (await users.SetTwoFactorEnabledAsync(tracked, true)).Succeeded.ShouldBeTrue();
        }

        return (tracked, key);
    }

    /// <summary>The audit entries recorded about one record, oldest first.</summary>
    public async Task<List<AuditEntry>> AuditEntriesAsync(string entityId)
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        return await db.Entries.AsNoTracking().Where(e => e.EntityId == entityId).OrderBy(e => e.OccurredAt).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_application is not null)
        {
            await _application.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    /// <summary>The identity server's own <c>Program</c>, with the test settings given as host configuration so that
    /// they are in place before <c>Program</c> reads them.</summary>
    private sealed class IdentityServerApplication(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseEnvironment("Development");

        protected override IHost CreateHost(IHostBuilder builder)
        {
            builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(settings));
            return base.CreateHost(builder);
        }
    }
}
