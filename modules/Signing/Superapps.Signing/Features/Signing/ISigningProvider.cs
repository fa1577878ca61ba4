using Superapps.Signing.Domain;

namespace Superapps.Signing.Features.Signing;

/// <param name="Signer">The signer's lockout row (holds the NIK for BSrE).</param>
/// <param name="SignerName">The signer's name, for the signature dictionary.</param>
internal sealed record ProviderSignRequest(Guid EmployeeId, byte[] Pdf, string Passphrase, string Reason, string SignerName, SignerState Signer, DateTimeOffset Now);

internal sealed record ProviderSignature(byte[] Pdf, string CertificateSubject, string CertificateSerial);

/// <param name="Enrolled">Has a certificate (or a registered NIK for BSrE).</param>
/// <param name="Usable">Its certificate is valid now (not revoked or expired).</param>
internal sealed record ProviderStatus(bool Enrolled, bool Usable, DateTimeOffset? NotAfter);

/// <summary>
/// A way of signing: the city's CA or BSrE. Throws <see cref="Authority.WrongPassphraseException"/> for a wrong passphrase
/// (counted by the caller) and a <c>DomainRuleException</c> for any other refusal.
/// </summary>
internal interface ISigningProvider
{
    /// <summary>"city-ca" or "bsre".</summary>
    string Name { get; }

    Task<ProviderStatus> GetStatusAsync(SignerState? signer, Guid employeeId, CancellationToken cancellationToken);

    Task<ProviderSignature> SignAsync(ProviderSignRequest request, CancellationToken cancellationToken);
}
