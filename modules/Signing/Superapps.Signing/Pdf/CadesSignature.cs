using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Superapps.Signing.Pdf;

/// <summary>
/// The CMS of a PAdES baseline B-B signature: SignedData, detached, SHA-256, RSA PKCS#1 v1.5; signed attributes content-type,
/// message-digest and ESS signing-certificate-v2 (RFC 5035), and no signing-time (PAdES puts the time in the signature
/// dictionary's <c>/M</c>); the signer's certificate and the intermediate CA's included.
/// </summary>
internal static class CadesSignature
{
    public const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";

    public static byte[] Create(byte[] content, X509Certificate2 certificate, RSA key, IEnumerable<X509Certificate2> chain)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate, key)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2Oid, SigningCertificateV2(certificate)));
        foreach (var extra in chain)
        {
            signer.Certificates.Add(extra);
        }

        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }

    /// <summary>SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } with ESSCertIDv2 ::= SEQUENCE { certHash (SHA-256, the default algorithm), issuerSerial }.</summary>
    internal static byte[] SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    writer.WriteOctetString(SHA256.HashData(certificate.RawData));
                    using (writer.PushSequence())
                    {
                        using (writer.PushSequence())
                        {
                            // GeneralName directoryName [4] EXPLICIT Name.
                            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
                            {
                                writer.WriteEncodedValue(certificate.IssuerName.RawData);
                            }
                        }

                        writer.WriteInteger(certificate.SerialNumberBytes.Span);
                    }
                }
            }
        }

        return writer.Encode();
    }
}
