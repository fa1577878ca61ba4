using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using Superapps.Signing.Pdf;

namespace Superapps.Signing.Tests;

public sealed class PdfSignatureTests(TestPki pki) : IClassFixture<TestPki>
{
    private readonly TestPki _pki = pki;

    [Fact]
    public void A_signed_pdf_keeps_its_bytes_and_its_one_signature_checks_out()
    {
        var original = TestPki.MinimalPdf();
        var signed = _pki.Sign(original);

        signed.AsSpan(0, original.Length).SequenceEqual(original).ShouldBeTrue();
        var signature = PdfSignatureReader.Read(signed).ShouldHaveSingleItem();
        signature.Problem.ShouldBeNull();
        signature.SubFilter.ShouldBe("ETSI.CAdES.detached");
        signature.Filter.ShouldBe("Adobe.PPKLite");
        signature.SigningTime.ShouldBe(TestPki.Now);
        signature.Name.ShouldBe("Budi Santoso");
        signature.CoversWholeFile(signed).ShouldBeTrue();
        Check(signed, signature).ShouldBeTrue();
        Encoding.Latin1.GetString(signed).ShouldContain("/SigFlags 3");
    }

    [Fact]
    public void The_cms_is_pades_baseline_b_without_a_signing_time()
    {
        var signature = PdfSignatureReader.Read(_pki.Sign(TestPki.MinimalPdf())).Single();
        var cms = new SignedCms();
        cms.Decode(signature.Cms!);
        var attributes = cms.SignerInfos[0].SignedAttributes.Cast<CryptographicAttributeObject>().Select(a => a.Oid.Value).ToList();
        attributes.ShouldContain("1.2.840.113549.1.9.3"); // content-type
        attributes.ShouldContain("1.2.840.113549.1.9.4"); // message-digest
        attributes.ShouldContain(CadesSignature.SigningCertificateV2Oid);
        attributes.ShouldNotContain("1.2.840.113549.1.9.5"); // signing-time
        cms.SignerInfos[0].DigestAlgorithm.Value.ShouldBe("2.16.840.1.101.3.4.2.1");
        cms.Certificates.Count.ShouldBe(2);
        cms.ContentInfo.Content.Length.ShouldBe(0, "detached: the PDF is not inside the CMS");
    }

    [Fact]
    public void One_flipped_byte_in_the_signed_range_breaks_the_signature()
    {
        var original = TestPki.MinimalPdf();
        var signed = _pki.Sign(original);
        var at = Encoding.Latin1.GetString(signed).IndexOf("Surat dinas", StringComparison.Ordinal);
        signed[at] = (byte)'s';

        var signature = PdfSignatureReader.Read(signed).ShouldHaveSingleItem();
        signature.Problem.ShouldBeNull();
        Check(signed, signature).ShouldBeFalse();
    }

    [Fact]
    public void Bytes_appended_after_signing_leave_the_signature_intact_but_not_covering_the_file()
    {
        var signed = _pki.Sign(TestPki.MinimalPdf());
        var appended = signed.Concat(Encoding.ASCII.GetBytes("6 0 obj\n(tambahan)\nendobj\n")).ToArray();

        var signature = PdfSignatureReader.Read(appended).ShouldHaveSingleItem();
        Check(appended, signature).ShouldBeTrue();
        signature.CoversWholeFile(appended).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("bukan sebuah PDF")]
    [InlineData("%PDF-1.7\n/ByteRange [0 10 20")]
    [InlineData("%PDF-1.7\n1 0 obj << /Type /Sig /ByteRange [0 5 9 3] /Contents <zz> >> endobj")]
    [InlineData("%PDF-1.7\n1 0 obj << /Type /Sig /ByteRange [0 999999 9999999 5] >> endobj")]
    public void Malformed_input_is_reported_not_thrown(string text)
    {
        var bytes = Encoding.Latin1.GetBytes(text);
        var signatures = PdfSignatureReader.Read(bytes);
        signatures.ShouldAllBe(s => s.Problem != null || s.Cms == null);
        PdfSignatureReader.LooksLikePdf(bytes).ShouldBe(text.StartsWith("%PDF", StringComparison.Ordinal));
    }

    [Fact]
    public void A_truncated_signed_pdf_cannot_be_signed_again_and_its_signature_does_not_fit()
    {
        var signed = _pki.Sign(TestPki.MinimalPdf());
        var truncated = signed[..(signed.Length - 300)];

        PdfSignatureReader.Read(truncated).ShouldAllBe(s => s.SignedBytes(truncated) == null);
        Should.Throw<PdfFormatException>(() => _pki.Sign(truncated));
    }

    [Fact]
    public void Signing_a_signed_pdf_adds_a_second_signature_in_a_second_update()
    {
        var once = _pki.Sign(TestPki.MinimalPdf());
        var twice = _pki.Sign(once);
        var signatures = PdfSignatureReader.Read(twice);
        signatures.Count.ShouldBe(2);
        signatures.ShouldAllBe(s => Check(twice, s));
        signatures[0].CoversWholeFile(twice).ShouldBeFalse();
        signatures[1].CoversWholeFile(twice).ShouldBeTrue();
    }

    private static bool Check(byte[] file, ParsedSignature signature)
    {
        var content = signature.SignedBytes(file);
        if (content is null || signature.Cms is null)
        {
            return false;
        }

        var cms = new SignedCms(new ContentInfo(content), detached: true);
        cms.Decode(signature.Cms);
        try
        {
            cms.CheckSignature(verifySignatureOnly: true);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
