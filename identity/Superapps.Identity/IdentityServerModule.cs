using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Superapps.Audit;
using Superapps.Identity.Data;
using Superapps.Identity.Features.Accounts;
using Superapps.Identity.Features.Administration;
using Superapps.Identity.Features.Connect;
using Superapps.Identity.Features.Seeding;
using Superapps.Identity.Features.Sessions;
using Superapps.Modularity;
using Superapps.Organization;
using Superapps.ServiceDefaults;
using Superapps.SharedKernel;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Superapps.Identity;

public static class IdentityServerModule
{
    public const string CookieName = ".Superapps.Identity";

    public static WebApplicationBuilder AddIdentityServer(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IdentityServerOptions>().BindConfiguration(IdentityServerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(IdentityServerOptions.Section).Get<IdentityServerOptions>()
            ?? throw new OptionsValidationException(IdentityServerOptions.Section, typeof(IdentityServerOptions), [$"{IdentityServerOptions.Section} is required."]);
        var dataDirectory = builder.Configuration[$"{Superapps.ServiceDefaults.HostOptions.Section}:DataDirectory"] ?? ".data";

        services.AddAuditModule();
        services.AddOrganizationDirectory();
        services.AddDbContext<IdentityDbContext>((sp, o) => o
            .UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>(), n => n.MigrationsHistoryTable("__EFMigrationsHistory", IdentityDbContext.Schema))
            .UseSnakeCaseNamingConvention()
            .UseOpenIddict());
        services.AddMigrationsInitializer<IdentityDbContext>(order: 20);
        services.AddSingleton<IDatabaseInitializer, RoleSeeder>();
        services.AddSingleton<IDatabaseInitializer, ClientSeeder>();
        services.AddSingleton<IDatabaseInitializer, DemoUserSeeder>();

        services.AddIdentity<ApplicationUser, IdentityRole>(o =>
            {
                PasswordPolicy.Configure(o.Password);
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = options.LockoutAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(options.LockoutMinutes);
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<IdentityDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<BilingualIdentityErrorDescriber>()
            .AddPasswordValidator<PasswordPolicy>();

        // A disabled account or an ended session loses the identity server's own cookie within a minute.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = context =>
            {
                // Keep what the sign-in established: its session and whether it used a second factor ("amr": "mfa").
                if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is { } current)
                {
                    foreach (var claim in current.FindAll(c => c.Type is UserSessions.ClaimType or AdministrationPolicy.AuthenticationMethodClaim))
                    {
                        identity.AddClaim(new Claim(claim.Type, claim.Value));
                    }
                }

                return Task.CompletedTask;
            };
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = options.AllowHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            o.Events.OnSigningIn = SessionCookieEvents.OnSigningInAsync;
            o.Events.OnValidatePrincipal = SessionCookieEvents.OnValidatePrincipalAsync;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o => o.Cookie.Name = CookieName + ".2fa");
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o => o.Cookie.Name = CookieName + ".ext");
        services.AddAntiforgery(o => o.Cookie.Name = CookieName + ".af");

        var keys = Path.Combine(dataDirectory, "keys", "identity");
        var signing = SigningKeys.LoadOrCreate(keys, "token-signing", X509KeyUsageFlags.DigitalSignature);
        var encryption = SigningKeys.LoadOrCreate(keys, "token-encryption", X509KeyUsageFlags.KeyEncipherment);
        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(o =>
            {
                o.SetIssuer(options.Issuer)
                    .SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/endsession")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetIntrospectionEndpointUris("connect/introspect")
                    .SetRevocationEndpointUris("connect/revoke")
                    .AllowAuthorizationCodeFlow()
                    .AllowRefreshTokenFlow()
                    .RequireProofKeyForCodeExchange()
                    .RegisterScopes("profile", "email", "roles")
                    .SetAccessTokenLifetime(TimeSpan.FromMinutes(15))
                    .SetRefreshTokenLifetime(TimeSpan.FromHours(10))
                    .AddSigningCertificate(signing)
                    .AddEncryptionCertificate(encryption)

                    // PKCE with S256 only: "plain" would send the verifier's equivalent through the browser (OAuth 2.0 security BCP).
                    .Configure(server => server.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                var aspNetCore = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough();
                if (options.AllowHttp)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
                o.EnableAuthorizationEntryValidation();
                o.EnableTokenEntryValidation();
            });

        services.AddScoped<UserSessions>();
        services.AddScoped<TokenPrincipalFactory>();
        services.AddScoped<MfaPolicy>();
        services.AddScoped<UserAdministration>();
        services.AddAuthorization();
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Account/Manage");
            o.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
        });
        services.AddAuthorizationBuilder().AddPolicy(Policies.Administrator, AdministrationPolicy.Configure);
        return builder;
    }
}
