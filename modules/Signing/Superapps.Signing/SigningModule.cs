using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor;
using Npgsql;
using Superapps.Modularity;
using Superapps.SharedKernel;
using Superapps.Signing.Contracts;
using Superapps.Signing.Data;
using Superapps.Signing.Features.Authority;
using Superapps.Signing.Features.Bsre;
using Superapps.Signing.Features.Enrolment;
using Superapps.Signing.Features.Signing;
using Superapps.Signing.Features.Verification;

namespace Superapps.Signing;

/// <summary>Registers the Signing module in a host.</summary>
public static class SigningModule
{
    /// <summary>
    /// Adds <see cref="IDocumentSigner"/> and <see cref="IPdfSignatureVerifier"/>, the city CA (created at start by an initializer),
    /// enrolment, the configured signing provider (city CA or BSrE), the data in schema <c>signing</c>, and the pages.
    /// Needs an <see cref="NpgsqlDataSource"/>, the organisation directory and an <see cref="IAuditTrail"/>.
    /// </summary>
    public static IServiceCollection AddSigningModule(this IServiceCollection services)
    {
        services.AddOptions<SigningOptions>().BindConfiguration(SigningOptions.Section)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                options.KeyDirectory ??= Path.Combine(configuration["Superapps:DataDirectory"] ?? ".data", "keys", "signing");
                // Relative addresses (verifikasi/…, pki/…) resolve under the base only when it ends with a slash.
                if (options.PublicBaseUrl is { IsAbsoluteUri: true } baseUrl && !baseUrl.AbsoluteUri.EndsWith('/'))
                {
                    options.PublicBaseUrl = new Uri(baseUrl.AbsoluteUri + "/");
                }
                if (configuration[$"{SigningOptions.Section}:Organization"] is null && configuration["Superapps:City:GovernmentName"] is { Length: > 0 } government)
                {
                    options.Organization = government;
                }

                if (configuration[$"{SigningOptions.Section}:CaName"] is null && configuration["Superapps:City:GovernmentName"] is { Length: > 0 } caName)
                {
                    options.CaName = caName;
                }
            })
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != SigningProviderKind.Bsre || o.Bsre.BaseUrl is not null, "Superapps:Signing:Bsre:BaseUrl is required when the provider is Bsre.")
            .ValidateOnStart();
        services.AddDbContextFactory<SigningDbContext>((sp, options) => options.UseModuleDatabase(sp.GetRequiredService<NpgsqlDataSource>(), SigningDbContext.Schema));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMigrationsInitializer<SigningDbContext>(order: 45);
        services.AddSingleton<IDatabaseInitializer, CertificateAuthorityInitializer>();
        services.AddHttpClient(BsreProvider.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);

        services.TryAddSingleton<CaKeySecret>();
        services.TryAddSingleton<CityAuthority>();
        services.TryAddSingleton<TrustedRoots>();
        services.TryAddSingleton<CityCaProvider>();
        services.TryAddSingleton<BsreProvider>();
        services.TryAddSingleton<ISigningProvider>(sp => sp.GetRequiredService<IOptions<SigningOptions>>().Value.Provider == SigningProviderKind.Bsre
            ? sp.GetRequiredService<BsreProvider>()
            : sp.GetRequiredService<CityCaProvider>());
        // Scoped: they use the organisation directory and the audit trail, which are scoped.
        services.TryAddScoped<IDocumentSigner, DocumentSigner>();
        services.TryAddSingleton<IPdfSignatureVerifier, PdfSignatureVerifier>();
        services.TryAddScoped(sp => new CertificateEnrolment(sp.GetRequiredService<IDbContextFactory<SigningDbContext>>(), sp.GetRequiredService<CityAuthority>(),
            sp.GetRequiredService<Organization.Contracts.IOrganizationDirectory>(), sp.GetRequiredService<IOptions<SigningOptions>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IAuditTrail>()));
        services.AddPortalModule<SigningPortalModule>();
        return services;
    }
}

/// <summary>The Signing module as the portal shell sees it: enrolment and administration pages, public verification, CRLs.</summary>
public sealed class SigningPortalModule : IPortalModule
{
    public string Name => SigningDbContext.Schema;

    public Assembly PagesAssembly => typeof(SigningPortalModule).Assembly;

    public IReadOnlyList<NavigationItem> Navigation { get; } =
    [
        new("Tanda Tangan Elektronik", "Electronic signature", "/tanda-tangan", Icons.Material.Filled.Draw, Policies.Employee, 800,
            "Sertifikat dan frasa sandi tanda tangan elektronik Anda", "Your electronic signature certificate and passphrase"),
        new("Sertifikat TTE", "Signing certificates", "/tanda-tangan/admin", Icons.Material.Filled.VerifiedUser, Policies.Administrator, 1810,
            "Daftar dan pencabutan sertifikat tanda tangan", "List and revoke signing certificates"),
    ];

    public void AddPolicies(AuthorizationOptions options)
    {
        // Enrolment needs a signed-in employee (Policies.Employee); the admin page Policies.Administrator; both added by the portal.
        // Verification and the PKI files are public on purpose: anyone holding a letter must be able to check it.
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => PkiEndpoints.Map(endpoints);
}
