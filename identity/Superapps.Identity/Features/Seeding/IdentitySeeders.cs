using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Superapps.Identity.Data;
using Superapps.Modularity;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Superapps.Identity.Features.Seeding;

/// <summary>Roles and their default security policy (MFA for the roles configured), on every start.</summary>
internal sealed class RoleSeeder(IOptions<IdentityServerOptions> options) : IDatabaseInitializer
{
    public int Order => 100;

    public string Name => "identity:roles";

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        var db = services.GetRequiredService<IdentityDbContext>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }

            if (!await db.RolePolicies.AnyAsync(p => p.RoleName == role, cancellationToken))
            {
                db.RolePolicies.Add(new RoleSecurityPolicy { RoleName = role, RequireMfa = options.Value.MfaRequiredRoles.Contains(role) });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>OIDC clients from configuration, created or updated on every start (secrets stored hashed).</summary>
internal sealed class ClientSeeder(IOptions<IdentityServerOptions> options) : IDatabaseInitializer
{
    public int Order => 110;

    public string Name => "identity:clients";

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var applications = services.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var client in options.Value.Clients)
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = client.ClientId,
                ClientSecret = client.ClientSecret,
                ClientType = client.ClientSecret is null ? ClientTypes.Public : ClientTypes.Confidential,
                ApplicationType = ApplicationTypes.Web,
                ConsentType = ConsentTypes.Implicit,
                DisplayName = client.DisplayName,
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                    Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                    Permissions.Scopes.Profile, Permissions.Scopes.Email, Permissions.Scopes.Roles,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            };
            if (client.ClientSecret is not null)
            {
                descriptor.Permissions.Add(Permissions.Endpoints.Introspection);
                descriptor.Permissions.Add(Permissions.Endpoints.Revocation);
            }

            descriptor.RedirectUris.UnionWith(client.RedirectUris);
            descriptor.PostLogoutRedirectUris.UnionWith(client.PostLogoutRedirectUris);

            var existing = await applications.FindByClientIdAsync(client.ClientId, cancellationToken);
            if (existing is null)
            {
                await applications.CreateAsync(descriptor, cancellationToken);
            }
            else
            {
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
            }
        }
    }
}

/// <summary>
/// One account per active employee of the demo city (user name = NIP, or e-mail for the elected
/// officials), with roles by position; all share the demo password generated on first run.
/// </summary>
internal sealed class DemoUserSeeder(IOptions<IdentityServerOptions> options) : IDatabaseInitializer
{
    public int Order => 210;

    public string Name => "demo:identity";

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<IdentityDbContext>();
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var password = options.Value.DemoPassword;
        if (string.IsNullOrWhiteSpace(password))
        {
            throw new InvalidOperationException("Superapps:Identity:DemoPassword is required to seed demo accounts.");
        }

        var directory = services.GetRequiredService<IOrganizationDirectory>();
        var normalizer = services.GetRequiredService<ILookupNormalizer>();
        var hasher = services.GetRequiredService<IPasswordHasher<ApplicationUser>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);

        // One hash for every demo account: hashing 400 times would slow the first start for nothing.
        var sharedHash = hasher.HashPassword(new ApplicationUser(), password);
        foreach (var employee in await directory.ListActiveEmployeesAsync(cancellationToken))
        {
            var userName = employee.Nip ?? employee.Email!;
            var user = new ApplicationUser
            {
                UserName = userName,
                NormalizedUserName = normalizer.NormalizeName(userName),
                Email = employee.Email,
                NormalizedEmail = normalizer.NormalizeEmail(employee.Email),
                EmailConfirmed = true,
                DisplayName = employee.Name,
                EmployeeId = employee.EmployeeId,
                PasswordHash = sharedHash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                CreatedAt = clock.GetUtcNow(),
            };
            db.Users.Add(user);
            foreach (var role in DemoRoles(employee))
            {
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleIds[role] });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Roles by position title, as documented in docs/demo-logins.md.</summary>
    internal static IEnumerable<string> DemoRoles(EmployeeProfile employee)
    {
        var position = employee.PrimaryPosition;
        if (position is null)
        {
            yield break;
        }

        if (position.Level <= PositionLevel.Sekda)
        {
            yield return Roles.Leader;
        }

        var title = position.Title;
        if (title.Contains("(Administrator Sistem)", StringComparison.Ordinal))
        {
            yield return Roles.Administrator;
        }

        if (title.StartsWith("Teknisi Jaringan", StringComparison.Ordinal))
        {
            yield return Roles.HelpdeskTechnician;
        }

        if (title == "Kepala Seksi Infrastruktur Jaringan")
        {
            yield return Roles.HelpdeskLead;
        }

        if (title.Contains("(Walidata)", StringComparison.Ordinal))
        {
            yield return Roles.DataCustodian;
        }

        if (title.Contains("(Operator Data)", StringComparison.Ordinal))
        {
            yield return Roles.DataOperator;
        }

        if (title.Contains("(Pencatat Surat)", StringComparison.Ordinal))
        {
            yield return Roles.RegistryClerk;
        }

        if (title.Contains("(Admin OPD)", StringComparison.Ordinal))
        {
            yield return Roles.AgencyAdministrator;
        }
    }
}
