using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;
using Superapps.Signing.Features.Enrolment;
using Superapps.Testing;

namespace Superapps.Signing.Tests.Components;

/// <summary>
/// The base of the Signing pages' component tests: the Signing module on a fresh database of the private PostgreSQL (real
/// migrations, the city CA created by its initializer), the real <see cref="CertificateEnrolment"/> from one scope, as a circuit
/// has, and a directory of two employees. A test signs in with <see cref="SignIn"/>.
/// </summary>
public abstract class SigningPageTest(PostgresServer server) : SuperappsComponentTest, IAsyncLifetime
{
    public static readonly Guid Budi = Guid.Parse("0195d0a0-0000-7000-8000-0000000000b1");
    public static readonly Guid Sari = Guid.Parse("0195d0a0-0000-7000-8000-0000000000b2");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "superapps-signing-pages", Guid.NewGuid().ToString("N")[..12]);
    private AsyncServiceScope _scope;

    protected ModuleServices Module { get; private set; } = null!;

    protected TestClock Clock { get; } = new(WholeSeconds(DateTimeOffset.UtcNow));

    /// <summary>The same enrolment service the page uses.</summary>
    protected CertificateEnrolment Enrolment => _scope.ServiceProvider.GetRequiredService<CertificateEnrolment>();

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var directory = Substitute.For<IOrganizationDirectory>();
        directory.GetEmployeeAsync(Budi, Arg.Any<CancellationToken>()).Returns(
            new EmployeeProfile(Budi, "198503152010011002", "Budi Santoso", "budi@kotademo.go.id", Guid.Empty, "Dinas Komunikasi dan Informatika", true, []));
        directory.GetEmployeeAsync(Sari, Arg.Any<CancellationToken>()).Returns(
            new EmployeeProfile(Sari, "199001152015032001", "Sari Wulandari", "sari@kotademo.go.id", Guid.Empty, "Sekretariat Daerah", true, []));
        Directory.CreateDirectory(_folder);
        Module = await ModuleServices.CreateAsync(server, s =>
        {
            s.AddSingleton(directory);
            s.AddSigningModule();
            s.Configure<SigningOptions>(o =>
            {
                o.KeyDirectory = Path.Combine(_folder, "keys");
                o.Organization = "Pemerintah Kota Demo";
                o.CaName = "Kota Demo";
                // The fewest PBKDF2 rounds the options allow: the tests are about the pages, not the key's protection.
                o.PassphraseIterations = 10_000;
            });
        }, clock: Clock);
        _scope = Module.CreateScope();
        Services.AddSingleton(Enrolment);
        Services.AddSingleton<TimeProvider>(Clock);
    }

    /// <summary>Signs in as a user with the given policies; with <paramref name="employee"/>, linked to that employee record.</summary>
    protected void SignIn(string name, Guid? employee, params string[] policies)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(name);
        if (employee is { } id)
        {
            auth.SetClaims(new Claim(SuperappsClaimTypes.EmployeeId, id.ToString()));
        }

        auth.SetPolicies(policies);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _scope.DisposeAsync();
        if (Module is not null)
        {
            await Module.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
