using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Superapps.Signing.Contracts;
using Superapps.Signing.Data;
using Superapps.Signing.Domain;
using Superapps.Signing.Features.Authority;
using Superapps.Signing.Pdf;

namespace Superapps.Signing.Features.Verification;

/// <summary>
/// Verifies a PDF's signatures: the CMS signature and its message digest over the byte range, whether the byte range covers the
/// whole file, the certificate chain to the city's root (or a configured root), and revocation of the certificates the city issued.
/// </summary>
internal sealed class PdfSignatureVerifier(IDbContextFactory<SigningDbContext> contexts, CityAuthority authority, TrustedRoots roots, TimeProvider clock)
    : IPdfSignatureVerifier
{
    public async Task<PdfVerificationResult> VerifyAsync(byte[] pdf, CancellationToken cancellationToken = default)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        if (!PdfSignatureReader.LooksLikePdf(pdf))
        {
            return new PdfVerificationResult(false, Texts.NotPdf, [], null, sha256);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var registered = await db.SignedDocuments.AsNoTracking().Where(d => d.Sha256 == sha256).OrderByDescending(d => d.SignedAt).FirstOrDefaultAsync(cancellationToken);
        var registeredDocument = registered is null ? null : await DescribeAsync(db, registered, cancellationToken);

        IReadOnlyList<ParsedSignature> parsed;
        try
        {
            parsed = PdfSignatureReader.Read(pdf);
        }
        catch (Exception ex) when (ex is PdfFormatException or ArgumentException or FormatException or OverflowException)
        {
            return new PdfVerificationResult(false, Texts.Malformed, [], registeredDocument, sha256);
        }

        if (parsed.Count == 0)
        {
            var truncated = !System.Text.Encoding.Latin1.GetString(pdf, Math.Max(0, pdf.Length - 1024), Math.Min(1024, pdf.Length)).Contains("%%EOF", StringComparison.Ordinal);
            return new PdfVerificationResult(true, truncated ? Texts.Truncated : Texts.NoSignature, [], registeredDocument, sha256);
        }

        var ca = await authority.GetCertificatesAsync(cancellationToken);
        var checks = new List<PdfSignatureCheck>();
        for (var i = 0; i < parsed.Count; i++)
        {
            checks.Add(await CheckAsync(db, ca, pdf, parsed[i], i + 1, cancellationToken));
        }

        return new PdfVerificationResult(true, null, checks, registeredDocument, sha256);
    }

    public async Task<RegisteredDocument?> FindAsync(string verificationCode, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(verificationCode) || verificationCode.Length > 64)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.SignedDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.VerificationCode == verificationCode, cancellationToken);
        return record is null ? null : await DescribeAsync(db, record, cancellationToken);
    }

    private async Task<RegisteredDocument> DescribeAsync(SigningDbContext db, SignedDocumentRecord record, CancellationToken cancellationToken)
    {
        var certificate = await db.Certificates.AsNoTracking().Where(c => c.Serial == record.CertificateSerial)
            .Select(c => new { c.RevokedAt, c.NotAfter }).SingleOrDefaultAsync(cancellationToken);
        var standing = certificate is null ? CertificateStanding.Unknown
            : certificate.RevokedAt is not null ? CertificateStanding.Revoked
            : certificate.NotAfter < clock.GetUtcNow() ? CertificateStanding.Expired
            : CertificateStanding.Valid;
        return new RegisteredDocument(record.VerificationCode, record.Number, record.Date, record.Issuer, record.SignerName, record.SignerTitle,
            record.Provider, record.CertificateSubject, record.CertificateSerial, record.SignedAt, record.Sha256, standing, certificate?.RevokedAt);
    }

    private async Task<PdfSignatureCheck> CheckAsync(SigningDbContext db, CaCertificates ca, byte[] pdf, ParsedSignature signature, int index, CancellationToken cancellationToken)
    {
        var problems = new List<VerificationText>();
        var covers = signature.CoversWholeFile(pdf);
        if (signature.Problem is { } problem || signature.Cms is null)
        {
            problems.Add(signature.Problem switch
            {
                ParseProblem.ContentsNotInGap => Texts.ContentsNotInGap,
                ParseProblem.MalformedContents => Texts.MalformedContents,
                _ => Texts.MalformedByteRange,
            });
            return new PdfSignatureCheck(index, signature.SubFilter, signature.SigningTime, false, covers, null, null, null, null, null, false, false, null, null, problems);
        }

        var content = signature.SignedBytes(pdf);
        var cms = new SignedCms(new ContentInfo(content ?? []), detached: true);
        try
        {
            cms.Decode(signature.Cms);
        }
        catch (CryptographicException)
        {
            problems.Add(Texts.MalformedContents);
            return new PdfSignatureCheck(index, signature.SubFilter, signature.SigningTime, false, covers, null, null, null, null, null, false, false, null, null, problems);
        }

        var signer = cms.SignerInfos.Count > 0 ? cms.SignerInfos[0] : null;
        var certificate = signer?.Certificate;
        var intact = false;
        if (content is not null && signer is not null)
        {
            try
            {
                signer.CheckSignature(verifySignatureOnly: true);
                intact = true;
            }
            catch (CryptographicException)
            {
                problems.Add(Texts.Tampered);
            }
        }
        else
        {
            problems.Add(Texts.MalformedByteRange);
        }

        if (intact && !covers)
        {
            problems.Add(Texts.ChangedAfterSigning);
        }

        if (certificate is null)
        {
            problems.Add(Texts.NoCertificate);
            return new PdfSignatureCheck(index, signature.SubFilter, signature.SigningTime, intact, covers, null, null, null, null, null, false, false, null, null, problems);
        }

        var now = clock.GetUtcNow();
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var expired = now > notAfter;
        if (expired)
        {
            problems.Add(Texts.Expired(notAfter));
        }

        var trusted = BuildsToTrustedRoot(certificate, cms.Certificates, ca, out var trustProblem);
        if (!trusted)
        {
            problems.Add(trustProblem!);
        }

        var serial = certificate.SerialNumber;
        DateTimeOffset? revokedAt = null;
        string? revocationReason = null;
        if (certificate.IssuerName.RawData.AsSpan().SequenceEqual(ca.Intermediate.SubjectName.RawData))
        {
            var issued = await db.Certificates.AsNoTracking().Where(c => c.Serial == serial)
                .Select(c => new { c.RevokedAt, c.RevocationReason, c.RevocationNote }).SingleOrDefaultAsync(cancellationToken);
            if (issued?.RevokedAt is { } revoked)
            {
                revokedAt = revoked;
                revocationReason = issued.RevocationNote ?? issued.RevocationReason?.ToString();
                problems.Add(Texts.Revoked(revoked, revocationReason));
            }
        }

        return new PdfSignatureCheck(index, signature.SubFilter, signature.SigningTime, intact, covers, certificate.GetNameInfo(X509NameType.SimpleName, false),
            certificate.Subject, serial, certificate.Issuer, notAfter, trusted, expired, revokedAt, revocationReason, problems);
    }

    private bool BuildsToTrustedRoot(X509Certificate2 certificate, X509Certificate2Collection included, CaCertificates ca, out VerificationText? problem)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca.Root);
        chain.ChainPolicy.CustomTrustStore.AddRange(roots.Extra);
        chain.ChainPolicy.ExtraStore.AddRange(included);
        chain.ChainPolicy.ExtraStore.Add(ca.Intermediate);
        // Revocation comes from the city's register; expiry is reported on its own.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        if (chain.Build(certificate))
        {
            problem = null;
            return true;
        }

        var statuses = chain.ChainStatus.Select(s => s.Status).Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s);
        problem = statuses.HasFlag(X509ChainStatusFlags.UntrustedRoot) || statuses.HasFlag(X509ChainStatusFlags.PartialChain)
            ? Texts.Untrusted
            : Texts.ChainInvalid(statuses.ToString());
        return false;
    }

    internal static class Texts
    {
        public static readonly VerificationText NotPdf = new("Berkas ini bukan PDF.", "This file is not a PDF.");
        public static readonly VerificationText Malformed = new("Berkas PDF ini rusak sehingga tidak dapat diperiksa.", "This PDF is damaged and cannot be checked.");
        public static readonly VerificationText Truncated = new("Berkas PDF ini terpotong (tidak lengkap) dan tidak memuat tanda tangan yang dapat dibaca.", "This PDF is truncated and holds no readable signature.");
        public static readonly VerificationText NoSignature = new("Dokumen ini tidak memuat tanda tangan elektronik.", "This document has no electronic signature.");
        public static readonly VerificationText MalformedByteRange = new("Tanda tangan rusak: rentang bita (ByteRange) tidak sesuai dengan berkas.", "The signature is damaged: its byte range does not fit the file.");
        public static readonly VerificationText ContentsNotInGap = new("Tanda tangan rusak: isi tanda tangan tidak berada pada tempatnya.", "The signature is damaged: its contents are not where the byte range says.");
        public static readonly VerificationText MalformedContents = new("Tanda tangan rusak: isi tanda tangan tidak dapat dibaca.", "The signature is damaged: its contents cannot be read.");
        public static readonly VerificationText Tampered = new("Dokumen telah diubah setelah ditandatangani: isi tidak cocok dengan tanda tangan.", "The document was changed after signing: its content does not match the signature.");
        public static readonly VerificationText ChangedAfterSigning = new("Ada perubahan yang ditambahkan setelah tanda tangan ini.", "Changes were added to the file after this signature.");
        public static readonly VerificationText NoCertificate = new("Tanda tangan tidak memuat sertifikat penandatangan.", "The signature does not include the signer's certificate.");
        public static readonly VerificationText Untrusted = new("Sertifikat tidak diterbitkan oleh otoritas yang dipercaya.", "The certificate was not issued by a trusted authority.");

        public static VerificationText ChainInvalid(string status) =>
            new($"Rantai sertifikat tidak sah ({status}).", $"The certificate chain is not valid ({status}).");

        public static VerificationText Expired(DateTimeOffset notAfter) =>
            new($"Sertifikat sudah kedaluwarsa sejak {SharedKernel.Wib.FormatDateTime(notAfter)}.",
                $"The certificate expired on {SharedKernel.Wib.FormatDateTime(notAfter, SharedKernel.Wib.English)}.");

        public static VerificationText Revoked(DateTimeOffset revokedAt, string? reason) =>
            new($"Sertifikat telah dicabut sejak {SharedKernel.Wib.FormatDateTime(revokedAt)}{(reason is null ? "" : $" ({reason})")}.",
                $"The certificate was revoked on {SharedKernel.Wib.FormatDateTime(revokedAt, SharedKernel.Wib.English)}{(reason is null ? "" : $" ({reason})")}.");
    }
}
