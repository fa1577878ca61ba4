using Superapps.SharedKernel;

namespace Superapps.Signing.Domain;

/// <summary>Why a certificate was revoked (RFC 5280 reason codes that apply to people).</summary>
public enum RevocationReason
{
    Unspecified = 0,
    KeyCompromise = 1,
    AffiliationChanged = 3,
    Superseded = 4,
    CessationOfOperation = 5,
}

/// <summary>A person's signing certificate issued by the city's intermediate CA, with the private key encrypted under their passphrase.</summary>
public sealed class SigningCertificate
{
    private SigningCertificate()
    {
    }

    public SigningCertificate(Guid employeeId, string serial, string subject, byte[] certificate, byte[] encryptedKey, DateTimeOffset notBefore, DateTimeOffset notAfter, DateTimeOffset issuedAt)
    {
        Id = Guid.CreateVersion7();
        EmployeeId = employeeId;
        Serial = serial;
        Subject = subject;
        Certificate = certificate;
        EncryptedKey = encryptedKey;
        NotBefore = notBefore;
        NotAfter = notAfter;
        IssuedAt = issuedAt;
    }

    public Guid Id { get; private set; }

    public Guid EmployeeId { get; private set; }

    /// <summary>The serial number, uppercase hex.</summary>
    public string Serial { get; private set; } = string.Empty;

    public string Subject { get; private set; } = string.Empty;

    /// <summary>The certificate, DER.</summary>
    public byte[] Certificate { get; private set; } = [];

    /// <summary>The private key as encrypted PKCS#8 (PBES2, AES-256-CBC, PBKDF2-SHA256) under the holder's passphrase.</summary>
    public byte[] EncryptedKey { get; private set; } = [];

    public DateTimeOffset NotBefore { get; private set; }

    public DateTimeOffset NotAfter { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public RevocationReason? RevocationReason { get; private set; }

    public string? RevocationNote { get; private set; }

    public string? RevokedBy { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public bool IsValidAt(DateTimeOffset now) => !IsRevoked && now >= NotBefore && now <= NotAfter;

    /// <summary>Revokes the certificate; a revoked one stays revoked.</summary>
    public void Revoke(DateTimeOffset now, RevocationReason reason, string? note, string? by)
    {
        if (IsRevoked)
        {
            throw new DomainRuleException(new UserError("signing.certificate.already-revoked",
                "Sertifikat ini sudah dicabut.", "This certificate is already revoked."));
        }

        RevokedAt = now;
        RevocationReason = reason;
        RevocationNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        RevokedBy = by;
    }
}
