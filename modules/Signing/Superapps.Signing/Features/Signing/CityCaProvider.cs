using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Superapps.SharedKernel;
using Superapps.Signing.Data;
using Superapps.Signing.Domain;
using Superapps.Signing.Features.Authority;
using Superapps.Signing.Pdf;

namespace Superapps.Signing.Features.Signing;

/// <summary>Signs with the signer's key from the city CA: PAdES baseline B-B, embedded as an incremental update.</summary>
internal sealed class CityCaProvider(IDbContextFactory<SigningDbContext> contexts, CityAuthority authority, TimeProvider clock) : ISigningProvider
{
    public const string ProviderName = "city-ca";

    public string Name => ProviderName;

    public async Task<ProviderStatus> GetStatusAsync(SignerState? signer, Guid employeeId, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(employeeId, cancellationToken);
        return current is null
            ? new ProviderStatus(false, false, null)
            : new ProviderStatus(true, !current.IsRevoked && current.NotAfter > clock.GetUtcNow(), current.NotAfter);
    }

    public async Task<ProviderSignature> SignAsync(ProviderSignRequest request, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(request.EmployeeId, cancellationToken) ?? throw new DomainRuleException(SigningErrors.NotEnrolled);
        if (current.RevokedAt is { } revokedAt)
        {
            throw new DomainRuleException(SigningErrors.Revoked(revokedAt));
        }

        if (request.Now > current.NotAfter || request.Now < current.NotBefore)
        {
            throw new DomainRuleException(SigningErrors.Expired(current.NotAfter));
        }

        using var key = KeyProtection.Decrypt(current.EncryptedKey, request.Passphrase);
        using var certificate = X509CertificateLoader.LoadCertificate(current.Certificate);
        var ca = await authority.GetCertificatesAsync(cancellationToken);
        try
        {
            var signed = PdfSignatureWriter.Sign(request.Pdf, new SignatureDictionaryInfo(request.Now, request.SignerName, request.Reason),
                covered => CadesSignature.Create(covered, certificate, key, [ca.Intermediate]));
            return new ProviderSignature(signed, current.Subject, current.Serial);
        }
        catch (PdfFormatException)
        {
            throw new DomainRuleException(SigningErrors.NotPdf);
        }
    }

    /// <summary>The employee's newest certificate (revoked or not).</summary>
    internal async Task<SigningCertificate?> CurrentAsync(Guid employeeId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Certificates.AsNoTracking().Where(c => c.EmployeeId == employeeId).OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
