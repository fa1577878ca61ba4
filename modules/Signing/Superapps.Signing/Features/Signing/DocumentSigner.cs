using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;
using Superapps.Signing.Contracts;
using Superapps.Signing.Data;
using Superapps.Signing.Domain;
using Superapps.Signing.Features.Authority;

namespace Superapps.Signing.Features.Signing;

/// <summary>
/// Signs PDFs through the configured provider and registers them for verification. Checks, in order: the request, the lockout,
/// the signer's employee record, then the provider (certificate and passphrase). A wrong passphrase is counted in the same
/// row lock that guards the attempt, so parallel attempts cannot go past five.
/// </summary>
internal sealed partial class DocumentSigner(IDbContextFactory<SigningDbContext> contexts, ISigningProvider provider, IOrganizationDirectory directory,
    IOptions<SigningOptions> options, TimeProvider clock, IAuditTrail audit, ILogger<DocumentSigner> logger) : IDocumentSigner
{
    public async Task<SignerStatus> GetStatusAsync(Guid employeeId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var signer = await db.Signers.AsNoTracking().SingleOrDefaultAsync(s => s.EmployeeId == employeeId, cancellationToken);
        var status = await provider.GetStatusAsync(signer, employeeId, cancellationToken);
        var now = clock.GetUtcNow();
        var lockedUntil = signer?.IsLocked(now) == true ? signer.LockedUntil : null;
        return new SignerStatus(status.Usable && lockedUntil is null, status.Enrolled, lockedUntil, status.NotAfter);
    }

    public async Task<SignedDocument> SignPdfAsync(SignPdfRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.Passphrase))
        {
            throw new DomainRuleException(SigningErrors.PassphraseRequired);
        }

        if (request.Pdf is null || !Pdf.PdfSignatureReader.LooksLikePdf(request.Pdf))
        {
            throw new DomainRuleException(SigningErrors.NotPdf);
        }

        if (request.VerificationCode is null || !CodeFormat().IsMatch(request.VerificationCode))
        {
            throw new DomainRuleException(SigningErrors.BadVerificationCode);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.SignedDocuments.AnyAsync(d => d.VerificationCode == request.VerificationCode, cancellationToken))
        {
            throw new DomainRuleException(SigningErrors.CodeInUse);
        }

        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO signing.signers (employee_id, failed_attempts) VALUES ({request.EmployeeId}, 0) ON CONFLICT (employee_id) DO NOTHING", cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var signer = await db.Signers.FromSqlInterpolated($"SELECT * FROM signing.signers WHERE employee_id = {request.EmployeeId} FOR UPDATE")
            .SingleAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (signer.IsLocked(now))
        {
            throw new DomainRuleException(SigningErrors.Locked(signer.LockedUntil!.Value));
        }

        if (await directory.GetEmployeeAsync(request.EmployeeId, cancellationToken) is not { IsActive: true } employee)
        {
            throw new DomainRuleException(SigningErrors.NotAuthorised);
        }

        ProviderSignature signature;
        try
        {
            signature = await provider.SignAsync(new ProviderSignRequest(request.EmployeeId, request.Pdf, request.Passphrase, request.Reason,
                string.IsNullOrWhiteSpace(request.Document?.SignerName) ? employee.Name : request.Document.SignerName, signer, now), cancellationToken);
        }
        catch (WrongPassphraseException)
        {
            var left = signer.RegisterFailure(now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await audit.RecordAsync(new AuditEvent("signing", left == 0 ? "signing.locked" : "signing.passphrase-wrong", "employee", request.EmployeeId.ToString(),
                left == 0 ? $"Penandatanganan dikunci sampai {Wib.FormatDateTime(signer.LockedUntil!.Value)}" : $"Frasa sandi salah; sisa {left}"), cancellationToken);
            throw new DomainRuleException(left == 0 ? SigningErrors.Locked(signer.LockedUntil!.Value) : SigningErrors.WrongPassphrase(left));
        }

        signer.RegisterSuccess();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(signature.Pdf));
        db.SignedDocuments.Add(new SignedDocumentRecord(request.VerificationCode, request.EmployeeId, request.Document!, request.Reason ?? string.Empty,
            provider.Name, signature.CertificateSerial, signature.CertificateSubject, now, sha256));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new DomainRuleException(SigningErrors.CodeInUse);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Signed {Source} {SourceId} for {Employee} with {Provider}", request.Document!.SourceModule, request.Document.SourceId, request.EmployeeId, provider.Name);
        await audit.RecordAsync(new AuditEvent("signing", "document.signed", "signed-document", request.VerificationCode,
            $"Dokumen {request.Document.Number} ditandatangani oleh {request.Document.SignerName} ({provider.Name})",
            new { request.Document.SourceModule, request.Document.SourceId, signature.CertificateSerial, Sha256 = sha256 }), cancellationToken);
        return new SignedDocument(signature.Pdf, provider.Name, signature.CertificateSubject, signature.CertificateSerial, now, sha256);
    }

    /// <summary>128 random bits in base32 (RFC 4648, no padding): 26 characters that QR codes store compactly.</summary>
    public string NewVerificationCode() => Base32(RandomNumberGenerator.GetBytes(16));

    public Uri VerificationUrl(string verificationCode) =>
        new(options.Value.PublicBaseUrl, "verifikasi/" + Uri.EscapeDataString(verificationCode));

    internal static string Base32(ReadOnlySpan<byte> bytes)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new System.Text.StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                output.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            output.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return output.ToString();
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{16,64}$")]
    private static partial Regex CodeFormat();
}
