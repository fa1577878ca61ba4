using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Superapps.Modularity;
using Superapps.SharedKernel;
using Superapps.Signing.Data;
using Superapps.Signing.Domain;

namespace Superapps.Signing.Features.Authority;

/// <summary>The city's root and intermediate CA certificates (public parts).</summary>
public sealed record CaCertificates(X509Certificate2 Root, X509Certificate2 Intermediate);

/// <summary>
/// The city's certification authority: created once (root and intermediate in one transaction, under a PostgreSQL advisory
/// lock, with a unique row per level), then loaded; its keys are decrypted only to issue certificates and CRLs.
/// </summary>
internal sealed class CityAuthority(IDbContextFactory<SigningDbContext> contexts, CaKeySecret secret, IOptions<SigningOptions> options,
    TimeProvider clock, IServiceScopeFactory scopes, ILogger<CityAuthority> logger)
{
    /// <summary>Iterations protecting the CA keys: the secret is 256 random bits, so the count only adds cost.</summary>
    private const int CaKeyIterations = 10_000;
    private const long AdvisoryLockKey = 7452_0090;
    private CaCertificates? _certificates;

    /// <summary>Creates the root and intermediate CA when they do not exist; safe to call from several processes at once.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        if (await db.Authorities.AnyAsync(cancellationToken))
        {
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        var settings = options.Value;
        var now = clock.GetUtcNow();
        using var rootKey = RSA.Create(CertificateIssuer.CaKeySize);
        using var intermediateKey = RSA.Create(CertificateIssuer.CaKeySize);
        using var root = CertificateIssuer.CreateRoot(rootKey, settings.CaName, settings.Organization, now);
        using var intermediate = CertificateIssuer.CreateIntermediate(root, rootKey, intermediateKey, settings.CaName, settings.Organization, settings.PublicBaseUrl, now);
        db.Authorities.Add(ToAuthority(AuthorityKind.Root, root, rootKey, now));
        db.Authorities.Add(ToAuthority(AuthorityKind.Intermediate, intermediate, intermediateKey, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Created the city certification authority: {Root} / {Intermediate}", root.Subject, intermediate.Subject);
        // The authority is a singleton (it caches its certificates); the audit trail lives in a scope.
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordAsync(new AuditEvent("signing", "authority.created", "authority", root.SerialNumber,
            $"CA kota dibuat: {root.Subject}; {intermediate.Subject}"), cancellationToken);
    }

    public async Task<CaCertificates> GetCertificatesAsync(CancellationToken cancellationToken = default)
    {
        if (_certificates is { } cached)
        {
            return cached;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var authorities = await db.Authorities.AsNoTracking().ToListAsync(cancellationToken);
        var root = authorities.SingleOrDefault(a => a.Kind == AuthorityKind.Root);
        var intermediate = authorities.SingleOrDefault(a => a.Kind == AuthorityKind.Intermediate);
        if (root is null || intermediate is null)
        {
            throw new InvalidOperationException("The city certification authority has not been created; its initializer runs at start.");
        }

        return _certificates = new CaCertificates(X509CertificateLoader.LoadCertificate(root.Certificate), X509CertificateLoader.LoadCertificate(intermediate.Certificate));
    }

    /// <summary>The intermediate CA's certificate and private key, to issue a certificate; dispose the key after use.</summary>
    public async Task<(X509Certificate2 Certificate, RSA Key)> UnlockAsync(AuthorityKind kind, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var authority = await db.Authorities.AsNoTracking().SingleAsync(a => a.Kind == kind, cancellationToken);
        try
        {
            return (X509CertificateLoader.LoadCertificate(authority.Certificate), KeyProtection.Decrypt(authority.EncryptedKey, secret.Value));
        }
        catch (WrongPassphraseException)
        {
            throw new InvalidOperationException(
                $"The CA key secret in {CaKeySecret.FileName} does not decrypt the {authority.Slug} CA key; restore the secret the CA was created with.");
        }
    }

    /// <summary>The current CRL of <c>root</c> or <c>intermediate</c>, DER; null for another name.</summary>
    public async Task<byte[]?> CrlAsync(string slug, CancellationToken cancellationToken = default)
    {
        var kind = slug switch
        {
            "root" => AuthorityKind.Root,
            "intermediate" => AuthorityKind.Intermediate,
            _ => (AuthorityKind?)null,
        };
        if (kind is null)
        {
            return null;
        }

        var revoked = new List<RevokedEntry>();
        if (kind == AuthorityKind.Intermediate)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            revoked.AddRange((await db.Certificates.AsNoTracking().Where(c => c.RevokedAt != null)
                    .Select(c => new { c.Serial, c.RevokedAt, c.RevocationReason }).ToListAsync(cancellationToken))
                .Select(c => new RevokedEntry(c.Serial, c.RevokedAt!.Value, (X509RevocationReason)(int)(c.RevocationReason ?? RevocationReason.Unspecified))));
        }

        var (certificate, key) = await UnlockAsync(kind.Value, cancellationToken);
        using (certificate)
        using (key)
        {
            return CertificateIssuer.BuildCrl(certificate, key, revoked, clock.GetUtcNow());
        }
    }

    /// <summary>The CA certificate of <c>root</c> or <c>intermediate</c>, DER; null for another name.</summary>
    public async Task<byte[]?> CertificateAsync(string slug, CancellationToken cancellationToken = default)
    {
        var certificates = await GetCertificatesAsync(cancellationToken);
        return slug switch
        {
            "root" => certificates.Root.RawData,
            "intermediate" => certificates.Intermediate.RawData,
            _ => null,
        };
    }

    private Domain.Authority ToAuthority(AuthorityKind kind, X509Certificate2 certificate, RSA key, DateTimeOffset now) =>
        new(kind, certificate.RawData, KeyProtection.Encrypt(key, secret.Value, CaKeyIterations), certificate.Subject, certificate.SerialNumber,
            certificate.NotBefore.ToUniversalTime(), certificate.NotAfter.ToUniversalTime(), now);
}

/// <summary>Creates the city CA at every start when it does not exist yet (reference data, order 110).</summary>
internal sealed class CertificateAuthorityInitializer : IDatabaseInitializer
{
    public int Order => 110;

    public string Name => "signing:certificate-authority";

    public Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<CityAuthority>(services).EnsureCreatedAsync(cancellationToken);
}
