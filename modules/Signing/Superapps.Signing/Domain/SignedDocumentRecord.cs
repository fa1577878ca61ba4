namespace Superapps.Signing.Domain;

/// <summary>A document signed through the module, registered for public verification (the PDF itself stays with its owner).</summary>
public sealed class SignedDocumentRecord
{
    private SignedDocumentRecord()
    {
    }

    public SignedDocumentRecord(string verificationCode, Guid employeeId, Contracts.SignedDocumentDescription document, string reason,
        string provider, string certificateSerial, string certificateSubject, DateTimeOffset signedAt, string sha256)
    {
        Id = Guid.CreateVersion7();
        VerificationCode = verificationCode;
        EmployeeId = employeeId;
        Number = document.Number;
        Date = document.Date;
        Issuer = document.Issuer;
        SignerName = document.SignerName;
        SignerTitle = document.SignerTitle;
        SourceModule = document.SourceModule;
        SourceId = document.SourceId;
        Reason = reason;
        Provider = provider;
        CertificateSerial = certificateSerial;
        CertificateSubject = certificateSubject;
        SignedAt = signedAt;
        Sha256 = sha256;
    }

    public Guid Id { get; private set; }

    public string VerificationCode { get; private set; } = string.Empty;

    public Guid EmployeeId { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public DateOnly Date { get; private set; }

    public string Issuer { get; private set; } = string.Empty;

    public string SignerName { get; private set; } = string.Empty;

    public string SignerTitle { get; private set; } = string.Empty;

    public string SourceModule { get; private set; } = string.Empty;

    public Guid SourceId { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    public string Provider { get; private set; } = string.Empty;

    public string CertificateSerial { get; private set; } = string.Empty;

    public string CertificateSubject { get; private set; } = string.Empty;

    public DateTimeOffset SignedAt { get; private set; }

    /// <summary>The signed file's SHA-256, lowercase hex.</summary>
    public string Sha256 { get; private set; } = string.Empty;
}
