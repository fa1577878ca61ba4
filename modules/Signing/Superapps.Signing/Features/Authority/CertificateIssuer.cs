using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Superapps.Signing.Features.Authority;

/// <summary>Who a signing certificate is for: name, NIP, city and OPD.</summary>
public sealed record CertificateHolder(string Name, string? Nip, string Organization, string? OrganizationalUnit);

/// <summary>A revoked certificate as a CRL lists it.</summary>
public sealed record RevokedEntry(string SerialHex, DateTimeOffset RevokedAt, X509RevocationReason Reason);

/// <summary>
/// The rules of the city's certificates, with no storage: a root (20 years, RSA 3072, CA with path length 1), an intermediate
/// (10 years, RSA 3072, path length 0) and people's signing certificates (2 years, RSA 2048, digitalSignature +
/// nonRepudiation, e-mail protection and document signing purposes, a CRL distribution point and the issuer's address).
/// </summary>
public static class CertificateIssuer
{
    public const int CaKeySize = 3072;
    public const int UserKeySize = 2048;
    public static readonly TimeSpan RootLifetime = TimeSpan.FromDays(365 * 20 + 5);
    public static readonly TimeSpan IntermediateLifetime = TimeSpan.FromDays(365 * 10 + 2);
    public static readonly TimeSpan UserLifetime = TimeSpan.FromDays(365 * 2);

    /// <summary>E-mail protection: what NSS (pdfsig, Firefox, Thunderbird) requires for signatures.</summary>
    public const string EmailProtectionOid = "1.3.6.1.5.5.7.3.4";

    /// <summary>id-kp-documentSigning (RFC 9336).</summary>
    public const string DocumentSigningOid = "1.3.6.1.5.5.7.3.36";

    /// <summary>Microsoft's document signing purpose, which Adobe and Windows recognise.</summary>
    public const string MicrosoftDocumentSigningOid = "1.3.6.1.4.1.311.10.3.12";

    public static X509Certificate2 CreateRoot(RSA key, string caName, string organization, DateTimeOffset now)
    {
        var subject = CaName($"{caName} Root CA", organization);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 1, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var ski = new X509SubjectKeyIdentifierExtension(request.PublicKey, false);
        request.CertificateExtensions.Add(ski);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(ski));
        return request.CreateSelfSigned(now.AddMinutes(-5), now + RootLifetime);
    }

    public static X509Certificate2 CreateIntermediate(X509Certificate2 root, RSA rootKey, RSA key, string caName, string organization, Uri publicBaseUrl, DateTimeOffset now)
    {
        var request = new CertificateRequest(CaName($"{caName} Signing CA", organization), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
        request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([PkiUrl(publicBaseUrl, "root.crl")]));
        request.CertificateExtensions.Add(new X509AuthorityInformationAccessExtension(null, [PkiUrl(publicBaseUrl, "root.cer")]));
        var notAfter = Min(now + IntermediateLifetime, root.NotAfter);
        return request.Create(root.SubjectName, X509SignatureGenerator.CreateForRSA(rootKey, RSASignaturePadding.Pkcs1), now.AddMinutes(-5), notAfter, NewSerial());
    }

    public static X509Certificate2 IssueSigningCertificate(X509Certificate2 intermediate, RSA intermediateKey, RSA key, CertificateHolder holder, Uri publicBaseUrl, DateTimeOffset now)
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("ID");
        name.AddOrganizationName(holder.Organization);
        if (!string.IsNullOrWhiteSpace(holder.OrganizationalUnit))
        {
            name.AddOrganizationalUnitName(holder.OrganizationalUnit);
        }

        if (!string.IsNullOrWhiteSpace(holder.Nip))
        {
            name.Add("2.5.4.5", holder.Nip, UniversalTagNumber.PrintableString);
        }

        name.AddCommonName(holder.Name);
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(EmailProtectionOid), new Oid(DocumentSigningOid), new Oid(MicrosoftDocumentSigningOid)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(intermediate, true, false));
        request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([PkiUrl(publicBaseUrl, "intermediate.crl")]));
        request.CertificateExtensions.Add(new X509AuthorityInformationAccessExtension(null, [PkiUrl(publicBaseUrl, "intermediate.cer")]));
        var notAfter = Min(now + UserLifetime, intermediate.NotAfter);
        return request.Create(intermediate.SubjectName, X509SignatureGenerator.CreateForRSA(intermediateKey, RSASignaturePadding.Pkcs1), now.AddMinutes(-5), notAfter, NewSerial());
    }

    /// <summary>A CRL of <paramref name="issuer"/>, valid for seven days, numbered by the time it was made.</summary>
    public static byte[] BuildCrl(X509Certificate2 issuer, RSA issuerKey, IEnumerable<RevokedEntry> revoked, DateTimeOffset now)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var entry in revoked)
        {
            builder.AddEntry(Convert.FromHexString(entry.SerialHex), entry.RevokedAt, entry.Reason);
        }

        var generator = X509SignatureGenerator.CreateForRSA(issuerKey, RSASignaturePadding.Pkcs1);
        var authorityKeyId = X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false);
        return builder.Build(issuer.SubjectName, generator, new BigInteger(now.ToUnixTimeSeconds()), now.AddDays(7), HashAlgorithmName.SHA256, authorityKeyId, now);
    }

    /// <summary>The public address of a PKI file: <c>{base}/pki/{file}</c>.</summary>
    public static string PkiUrl(Uri publicBaseUrl, string file) => new Uri(publicBaseUrl, "pki/" + file).AbsoluteUri;

    private static X500DistinguishedName CaName(string commonName, string organization)
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("ID");
        name.AddOrganizationName(organization);
        name.AddCommonName(commonName);
        return name.Build();
    }

    /// <summary>A positive 128-bit random serial number.</summary>
    private static byte[] NewSerial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x10);
        return serial;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTime b)
    {
        var other = new DateTimeOffset(b.ToUniversalTime(), TimeSpan.Zero);
        return a < other ? a : other;
    }
}
