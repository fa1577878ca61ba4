using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Superapps.Signing.Features.Authority;
using Superapps.Signing.Pdf;

namespace Superapps.Signing.Tests;

/// <summary>A city CA and a signer in memory, and small PDFs written by hand: no database, no files.</summary>
public sealed class TestPki : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
    public static readonly Uri BaseUrl = new("https://portal.kotademo.go.id/");

    public TestPki()
    {
        RootKey = RSA.Create(CertificateIssuer.CaKeySize);
        IntermediateKey = RSA.Create(CertificateIssuer.CaKeySize);
        UserKey = RSA.Create(CertificateIssuer.UserKeySize);
        Root = CertificateIssuer.CreateRoot(RootKey, "Kota Demo", "Pemerintah Kota Demo", Now);
        Intermediate = CertificateIssuer.CreateIntermediate(Root, RootKey, IntermediateKey, "Kota Demo", "Pemerintah Kota Demo", BaseUrl, Now);
        User = CertificateIssuer.IssueSigningCertificate(Intermediate, IntermediateKey, UserKey,
            new CertificateHolder("Budi Santoso", "198503152010011002", "Pemerintah Kota Demo", "Dinas Komunikasi dan Informatika"), BaseUrl, Now);
    }

    public RSA RootKey { get; }

    public RSA IntermediateKey { get; }

    public RSA UserKey { get; }

    public X509Certificate2 Root { get; }

    public X509Certificate2 Intermediate { get; }

    public X509Certificate2 User { get; }

    internal byte[] Sign(byte[] pdf) =>
        PdfSignatureWriter.Sign(pdf, new SignatureDictionaryInfo(Now, "Budi Santoso", "Menyetujui"), covered => CadesSignature.Create(covered, User, UserKey, [Intermediate]));

    /// <summary>A one-page PDF with a classic cross-reference table, offsets computed.</summary>
    public static byte[] MinimalPdf(string text = "Surat dinas")
    {
        var content = $"BT /F1 12 Tf 72 720 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var output = new StringBuilder("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(output.Length);
            output.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = output.Length;
        output.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f\r\n");
        foreach (var offset in offsets)
        {
            output.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n\r\n");
        }

        output.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(output.ToString());
    }

    public void Dispose()
    {
        Root.Dispose();
        Intermediate.Dispose();
        User.Dispose();
        RootKey.Dispose();
        IntermediateKey.Dispose();
        UserKey.Dispose();
    }
}
