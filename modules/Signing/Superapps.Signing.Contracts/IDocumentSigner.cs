namespace Superapps.Signing.Contracts;

/// <summary>
/// Signs PDF documents electronically for a person, through the configured signing provider (the city's own
/// certification authority, or BSrE), and registers each signed document for public verification.
/// Implemented by the Signing module.
/// </summary>
public interface IDocumentSigner
{
    /// <summary>
    /// Whether <paramref name="employeeId"/> can sign now: enrolled with a valid certificate, not locked.
    /// Pages use it to show "enrol first" or "locked until" before asking for a passphrase.
    /// </summary>
    Task<SignerStatus> GetStatusAsync(Guid employeeId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Signs <see cref="SignPdfRequest.Pdf"/> with the employee's signing key, unlocked by the passphrase given for this
    /// signature only, and registers the signed document under <see cref="SignPdfRequest.VerificationCode"/>.
    /// Throws a <c>DomainRuleException</c> with a bilingual reason when the passphrase is wrong (5 wrong passphrases lock
    /// signing for 15 minutes), signing is locked, the employee has no certificate, or it is expired or revoked.
    /// </summary>
    Task<SignedDocument> SignPdfAsync(SignPdfRequest request, CancellationToken cancellationToken = default);

    /// <summary>A fresh verification code to print in the document's QR code before it is signed (URL-safe, unguessable).</summary>
    string NewVerificationCode();

    /// <summary>The public URL of a verification code's page, e.g. <c>https://portal/verifikasi/{code}</c>.</summary>
    Uri VerificationUrl(string verificationCode);
}

/// <param name="EmployeeId">The signer (Organization module id).</param>
/// <param name="Pdf">The final, unsigned document.</param>
/// <param name="Passphrase">The signer's passphrase, asked for every signature and never stored.</param>
/// <param name="VerificationCode">From <see cref="IDocumentSigner.NewVerificationCode"/>, already printed in the document's QR code.</param>
/// <param name="Document">What the public verification page shows about the document.</param>
/// <param name="Reason">The signature's reason, e.g. "Menyetujui surat dinas".</param>
public sealed record SignPdfRequest(
    Guid EmployeeId,
    byte[] Pdf,
    string Passphrase,
    string VerificationCode,
    SignedDocumentDescription Document,
    string Reason);

/// <summary>What the public verification page may show: no subject or body, so restricted letters leak nothing.</summary>
/// <param name="Number">The document's number, e.g. the letter number.</param>
/// <param name="Date">The document's date.</param>
/// <param name="Issuer">The issuing OPD.</param>
/// <param name="SignerName">The signer's name as printed.</param>
/// <param name="SignerTitle">The signer's title as printed, with "Plt."/"Plh." when acting.</param>
/// <param name="SourceModule">The module that owns the document, e.g. "letters".</param>
/// <param name="SourceId">The owning module's id of the document.</param>
public sealed record SignedDocumentDescription(
    string Number,
    DateOnly Date,
    string Issuer,
    string SignerName,
    string SignerTitle,
    string SourceModule,
    Guid SourceId);

/// <param name="Pdf">The signed document.</param>
/// <param name="Provider">The provider that signed it, e.g. "city-ca" or "bsre".</param>
/// <param name="CertificateSubject">The signing certificate's subject.</param>
/// <param name="CertificateSerial">The signing certificate's serial number (hex).</param>
/// <param name="SignedAt">When it was signed.</param>
/// <param name="Sha256">The signed file's SHA-256 (lowercase hex), by which an uploaded copy is recognised.</param>
public sealed record SignedDocument(
    byte[] Pdf,
    string Provider,
    string CertificateSubject,
    string CertificateSerial,
    DateTimeOffset SignedAt,
    string Sha256);

/// <param name="CanSign">True when the employee may sign now.</param>
/// <param name="Enrolled">True when the employee has a signing certificate (or BSrE identity).</param>
/// <param name="LockedUntil">When too many wrong passphrases locked signing, until when.</param>
/// <param name="CertificateNotAfter">The certificate's expiry, when enrolled.</param>
public sealed record SignerStatus(bool CanSign, bool Enrolled, DateTimeOffset? LockedUntil, DateTimeOffset? CertificateNotAfter);
