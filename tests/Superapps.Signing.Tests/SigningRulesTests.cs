using System.Net;
using Superapps.SharedKernel;
using Superapps.Signing.Features.Authority;
using Superapps.Signing.Features.Bsre;
using Superapps.Signing.Features.Signing;
using Superapps.Signing.Pdf;

namespace Superapps.Signing.Tests;

public sealed class SigningRulesTests
{
    [Fact]
    public void Base32_follows_rfc_4648()
    {
        DocumentSigner.Base32("foobar"u8).ShouldBe("MZXW6YTBOI");
        DocumentSigner.Base32(new byte[16]).Length.ShouldBe(26);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, 2031, "Passphrase anda salah", "wrong")]
    [InlineData(HttpStatusCode.BadRequest, null, "Passphrase is invalid", "wrong")]
    [InlineData(HttpStatusCode.BadRequest, 1111, "NIK tidak terdaftar", "signing.bsre.not-registered")]
    [InlineData(HttpStatusCode.BadRequest, null, "Sertifikat kadaluarsa", "signing.bsre.certificate-expired")]
    [InlineData(HttpStatusCode.BadRequest, null, "Certificate revoked", "signing.bsre.certificate-revoked")]
    [InlineData(HttpStatusCode.ServiceUnavailable, null, "", "signing.bsre.unavailable")]
    [InlineData(HttpStatusCode.BadRequest, 9999, "Dokumen tidak valid", "signing.bsre.refused")]
    public void Bsre_errors_map_to_what_a_signer_understands(HttpStatusCode status, int? code, string error, string expected)
    {
        var mapped = BsreProvider.Map(status, code, error);
        if (expected == "wrong")
        {
            mapped.ShouldBeOfType<WrongPassphraseException>();
        }
        else
        {
            mapped.ShouldBeOfType<DomainRuleException>().Error.Code.ShouldBe(expected);
        }
    }

    [Fact]
    public void Pdf_dates_round_trip_in_wib()
    {
        var instant = new DateTimeOffset(2026, 11, 23, 7, 30, 15, TimeSpan.Zero);
        var written = PdfText.Date(instant);
        written.ShouldBe("(D:20261123143015+07'00')");
        PdfText.ParseDate(written.Trim('(', ')')).ShouldBe(instant);
    }

    [Fact]
    public void Text_outside_ascii_is_written_as_utf16()
    {
        PdfText.Encode("Budi (Kadis)").ShouldBe("(Budi \\(Kadis\\))");
        PdfText.Encode("Dédi").ShouldStartWith("<FEFF");
    }
}
