using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;
using Superapps.Signing.Data;
using Superapps.Signing.Domain;
using Superapps.Signing.Features.Authority;

namespace Superapps.Signing.Features.Enrolment;

/// <summary>A certificate as the enrolment and admin pages show it.</summary>
public sealed record CertificateView(Guid Id, Guid EmployeeId, string Subject, string Serial, DateTimeOffset NotBefore, DateTimeOffset NotAfter,
    DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt, RevocationReason? RevocationReason, string? RevocationNote, string Issuer);

/// <summary>A page of certificates for the administrators' list.</summary>
public sealed record CertificatePage(IReadOnlyList<CertificateView> Items, int Total);

/// <summary>
/// Issues people's signing certificates from the city's intermediate CA: the key is made on the server and stored only as
/// encrypted PKCS#8 under the person's passphrase. Enrolling again (a forgotten passphrase) revokes the old certificate.
/// Administrators revoke certificates with a reason.
/// </summary>
public sealed class CertificateEnrolment
{
    public const int MinimumPassphraseLength = 10;

    private readonly IDbContextFactory<SigningDbContext> _contexts;
    private readonly CityAuthority _authority;
    private readonly IOrganizationDirectory _directory;
    private readonly IOptions<SigningOptions> _options;
    private readonly TimeProvider _clock;
    private readonly IAuditTrail _audit;

    internal CertificateEnrolment(IDbContextFactory<SigningDbContext> contexts, CityAuthority authority, IOrganizationDirectory directory,
        IOptions<SigningOptions> options, TimeProvider clock, IAuditTrail audit)
    {
        _contexts = contexts;
        _authority = authority;
        _directory = directory;
        _options = options;
        _clock = clock;
        _audit = audit;
    }

    /// <summary>The provider in use: the enrolment page asks for a NIK instead of issuing a certificate when it is BSrE.</summary>
    public SigningProviderKind Provider => _options.Value.Provider;

    public static Guid? EmployeeIdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SuperappsClaimTypes.EmployeeId), out var id) ? id : null;

    /// <summary>The employee's newest certificate, revoked or not.</summary>
    public async Task<CertificateView?> CurrentAsync(Guid employeeId, CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var certificate = await db.Certificates.AsNoTracking().Where(c => c.EmployeeId == employeeId)
            .OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        return certificate is null ? null : await ViewAsync(certificate, cancellationToken);
    }

    /// <summary>Issues a signing certificate; revokes the current one first (superseded).</summary>
    public async Task<CertificateView> EnrolAsync(Guid employeeId, string passphrase, string confirmation, CancellationToken cancellationToken = default)
    {
        var errors = new List<UserError>();
        if (string.IsNullOrEmpty(passphrase) || passphrase.Length < MinimumPassphraseLength)
        {
            errors.Add(new UserError("signing.passphrase.too-short", $"Frasa sandi minimal {MinimumPassphraseLength} karakter.",
                $"The passphrase needs at least {MinimumPassphraseLength} characters.", "passphrase"));
        }
        else if (passphrase != confirmation)
        {
            errors.Add(new UserError("signing.passphrase.mismatch", "Kedua frasa sandi tidak sama.", "The two passphrases differ.", "confirmation"));
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        if (await _directory.GetEmployeeAsync(employeeId, cancellationToken) is not { IsActive: true } employee)
        {
            throw new DomainRuleException(new UserError("signing.enrol.no-employee",
                "Akun Anda tidak terhubung dengan data pegawai yang aktif.", "Your account is not linked to an active employee record."));
        }

        var settings = _options.Value;
        var now = _clock.GetUtcNow();
        var holder = new CertificateHolder(employee.Name, employee.Nip, settings.Organization, employee.AgencyName);
        using var key = RSA.Create(CertificateIssuer.UserKeySize);
        var (intermediate, intermediateKey) = await _authority.UnlockAsync(AuthorityKind.Intermediate, cancellationToken);
        X509Certificate2 certificate;
        using (intermediate)
        using (intermediateKey)
        {
            certificate = CertificateIssuer.IssueSigningCertificate(intermediate, intermediateKey, key, holder, settings.PublicBaseUrl, now);
        }

        using (certificate)
        {
            var record = new SigningCertificate(employeeId, certificate.SerialNumber, certificate.Subject, certificate.RawData,
                KeyProtection.Encrypt(key, passphrase, settings.PassphraseIterations),
                certificate.NotBefore.ToUniversalTime(), certificate.NotAfter.ToUniversalTime(), now);

            await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var previous = await db.Certificates.Where(c => c.EmployeeId == employeeId && c.RevokedAt == null).ToListAsync(cancellationToken);
            foreach (var old in previous)
            {
                old.Revoke(now, RevocationReason.Superseded, "Diganti oleh pendaftaran ulang / superseded by re-enrolment", employee.Name);
            }

            db.Certificates.Add(record);
            // A new passphrase starts a new count.
            var signer = await db.Signers.SingleOrDefaultAsync(s => s.EmployeeId == employeeId, cancellationToken);
            signer?.RegisterSuccess();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            foreach (var old in previous)
            {
                await _audit.RecordAsync(new AuditEvent("signing", "certificate.revoked", "certificate", old.Serial,
                    $"Sertifikat {old.Serial} dicabut karena pendaftaran ulang", new { old.EmployeeId, Reason = RevocationReason.Superseded }), cancellationToken);
            }

            await _audit.RecordAsync(new AuditEvent("signing", "certificate.issued", "certificate", record.Serial,
                $"Sertifikat tanda tangan diterbitkan untuk {employee.Name}", new { employeeId, record.Subject, record.NotAfter }), cancellationToken);
            return await ViewAsync(record, cancellationToken);
        }
    }

    /// <summary>Stores the employee's NIK (16 digits) for signing through BSrE.</summary>
    public async Task SetNikAsync(Guid employeeId, string nik, CancellationToken cancellationToken = default)
    {
        nik = (nik ?? string.Empty).Trim();
        if (nik.Length != 16 || !nik.All(char.IsAsciiDigit))
        {
            throw new DomainRuleException(new UserError("signing.nik.invalid", "NIK harus 16 digit angka.", "The NIK must be 16 digits.", "nik"));
        }

        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var signer = await db.Signers.SingleOrDefaultAsync(s => s.EmployeeId == employeeId, cancellationToken);
        if (signer is null)
        {
            signer = new SignerState(employeeId);
            db.Signers.Add(signer);
        }

        signer.SetNik(nik);
        await db.SaveChangesAsync(cancellationToken);
        await _audit.RecordAsync(new AuditEvent("signing", "signer.nik-set", "employee", employeeId.ToString(), "NIK untuk BSrE disimpan"), cancellationToken);
    }

    public async Task<string?> NikAsync(Guid employeeId, CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.Signers.Where(s => s.EmployeeId == employeeId).Select(s => s.Nik).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Certificates for administrators, newest first, filtered by subject or serial.</summary>
    public async Task<CertificatePage> ListAsync(string? text, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Certificates.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = LikePattern.Contains(text.Trim());
            query = query.Where(c => EF.Functions.ILike(c.Subject, pattern, "\\") || EF.Functions.ILike(c.Serial, pattern, "\\"));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(c => c.IssuedAt).Skip(Math.Max(0, page) * pageSize).Take(Math.Clamp(pageSize, 1, 100)).ToListAsync(cancellationToken);
        var ca = await _authority.GetCertificatesAsync(cancellationToken);
        return new CertificatePage([.. items.Select(c => View(c, ca.Intermediate.Subject))], total);
    }

    /// <summary>
    /// Revokes a certificate (administrators) for a reason they chose; later signatures are refused and verification reports it.
    /// </summary>
    public async Task RevokeAsync(Guid certificateId, RevocationReason? reason, string? note, string revokedBy, CancellationToken cancellationToken = default)
    {
        if (reason is not { } chosen || !Enum.IsDefined(chosen))
        {
            throw new DomainRuleException(new UserError("signing.revocation.reason-required", "Pilih alasan pencabutan sertifikat.",
                "Choose the reason for revoking the certificate.", "reason"));
        }

        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var certificate = await db.Certificates.SingleOrDefaultAsync(c => c.Id == certificateId, cancellationToken)
            ?? throw new DomainRuleException(new UserError("signing.certificate.not-found", "Sertifikat tidak ditemukan.", "Certificate not found."));
        certificate.Revoke(_clock.GetUtcNow(), chosen, note, revokedBy);
        await db.SaveChangesAsync(cancellationToken);
        await _audit.RecordAsync(new AuditEvent("signing", "certificate.revoked", "certificate", certificate.Serial,
            $"Sertifikat {certificate.Serial} ({certificate.Subject}) dicabut: {chosen} {note}", new { certificate.EmployeeId, reason = chosen, note, revokedBy }), cancellationToken);
    }

    private async Task<CertificateView> ViewAsync(SigningCertificate certificate, CancellationToken cancellationToken) =>
        View(certificate, (await _authority.GetCertificatesAsync(cancellationToken)).Intermediate.Subject);

    private static CertificateView View(SigningCertificate c, string issuer) =>
        new(c.Id, c.EmployeeId, c.Subject, c.Serial, c.NotBefore, c.NotAfter, c.IssuedAt, c.RevokedAt, c.RevocationReason, c.RevocationNote, issuer);
}
