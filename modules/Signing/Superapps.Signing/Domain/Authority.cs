namespace Superapps.Signing.Domain;

/// <summary>The city CA's two levels.</summary>
public enum AuthorityKind
{
    Root = 0,
    Intermediate = 1,
}

/// <summary>A certification authority of the city: its certificate and its private key, encrypted (PKCS#8, PBES2).</summary>
public sealed class Authority
{
    private Authority()
    {
    }

    public Authority(AuthorityKind kind, byte[] certificate, byte[] encryptedKey, string subject, string serial, DateTimeOffset notBefore, DateTimeOffset notAfter, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        Certificate = certificate;
        EncryptedKey = encryptedKey;
        Subject = subject;
        Serial = serial;
        NotBefore = notBefore;
        NotAfter = notAfter;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public AuthorityKind Kind { get; private set; }

    /// <summary>The name in the CRL and certificate addresses: <c>root</c> or <c>intermediate</c>.</summary>
    public string Slug => Kind == AuthorityKind.Root ? "root" : "intermediate";

    public byte[] Certificate { get; private set; } = [];

    public byte[] EncryptedKey { get; private set; } = [];

    public string Subject { get; private set; } = string.Empty;

    public string Serial { get; private set; } = string.Empty;

    public DateTimeOffset NotBefore { get; private set; }

    public DateTimeOffset NotAfter { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
