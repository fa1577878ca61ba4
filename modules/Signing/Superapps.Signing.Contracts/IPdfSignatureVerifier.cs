namespace Superapps.Signing.Contracts;

/// <summary>
/// Checks the signatures in a PDF and looks up registered signed documents: what the public verification pages use.
/// Never throws for bad input: a file that is not a PDF, is truncated or malformed comes back with <see cref="PdfVerificationResult.Problem"/>.
/// </summary>
public interface IPdfSignatureVerifier
{
    Task<PdfVerificationResult> VerifyAsync(byte[] pdf, CancellationToken cancellationToken = default);

    /// <summary>The registered document with this verification code, or null when the code is unknown.</summary>
    Task<RegisteredDocument?> FindAsync(string verificationCode, CancellationToken cancellationToken = default);
}

/// <summary>A message in Indonesian and English.</summary>
public sealed record VerificationText(string Indonesian, string English)
{
    public string Text(System.Globalization.CultureInfo? culture = null) =>
        (culture ?? System.Globalization.CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "en" ? English : Indonesian;
}

/// <param name="IsPdf">False when the file is not a readable PDF (see <paramref name="Problem"/>).</param>
/// <param name="Problem">Why the file could not be checked, or why it has no signature.</param>
/// <param name="Signatures">Each signature, in file order.</param>
/// <param name="Registered">The registered document whose signed file has the same SHA-256, when there is one.</param>
/// <param name="Sha256">The file's SHA-256, lowercase hex.</param>
public sealed record PdfVerificationResult(bool IsPdf, VerificationText? Problem, IReadOnlyList<PdfSignatureCheck> Signatures, RegisteredDocument? Registered, string Sha256)
{
    /// <summary>At least one signature, and every one valid.</summary>
    public bool AllValid => IsPdf && Signatures.Count > 0 && Signatures.All(s => s.Valid);
}

/// <param name="Index">1 for the first signature in the file.</param>
/// <param name="SubFilter">e.g. <c>ETSI.CAdES.detached</c>.</param>
/// <param name="SigningTime">The time the signature dictionary claims (<c>/M</c>); not a trusted timestamp.</param>
/// <param name="Intact">The signed bytes are unchanged: the CMS signature and its message digest check out.</param>
/// <param name="CoversWholeDocument">The signature covers the whole file; false when something was appended after signing.</param>
/// <param name="SignerName">The certificate's common name.</param>
/// <param name="SignerSubject">The certificate's subject.</param>
/// <param name="CertificateSerial">The certificate's serial number (hex).</param>
/// <param name="IssuerSubject">The certificate's issuer.</param>
/// <param name="CertificateNotAfter">The certificate's expiry.</param>
/// <param name="Trusted">The certificate chains to the city's root or a configured trusted root.</param>
/// <param name="Expired">The certificate has expired.</param>
/// <param name="RevokedAt">When the certificate was revoked, for certificates the city issued.</param>
/// <param name="RevocationReason">Why, when revoked.</param>
/// <param name="Problems">Every reason the signature is not valid, in both languages.</param>
public sealed record PdfSignatureCheck(
    int Index,
    string? SubFilter,
    DateTimeOffset? SigningTime,
    bool Intact,
    bool CoversWholeDocument,
    string? SignerName,
    string? SignerSubject,
    string? CertificateSerial,
    string? IssuerSubject,
    DateTimeOffset? CertificateNotAfter,
    bool Trusted,
    bool Expired,
    DateTimeOffset? RevokedAt,
    string? RevocationReason,
    IReadOnlyList<VerificationText> Problems)
{
    public bool Valid => Intact && Trusted && !Expired && RevokedAt is null && Problems.Count == 0;
}

/// <summary>The certificate behind a registered document, as it stands now.</summary>
public enum CertificateStanding
{
    Valid = 0,
    Revoked = 1,
    Expired = 2,
    Unknown = 3,
}

/// <summary>A document signed through the portal, as the public verification page shows it.</summary>
public sealed record RegisteredDocument(
    string VerificationCode,
    string Number,
    DateOnly Date,
    string Issuer,
    string SignerName,
    string SignerTitle,
    string Provider,
    string CertificateSubject,
    string CertificateSerial,
    DateTimeOffset SignedAt,
    string Sha256,
    CertificateStanding Certificate,
    DateTimeOffset? CertificateRevokedAt);
