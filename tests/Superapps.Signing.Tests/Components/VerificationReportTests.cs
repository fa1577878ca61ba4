using Bunit;
using Superapps.Signing.Contracts;
using Superapps.Signing.Pages.Verification.Components;
using Superapps.Testing;

namespace Superapps.Signing.Tests.Components;

public sealed class VerificationReportTests : SuperappsComponentTest
{
    private static readonly RegisteredDocument Document = new("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "000.1.2/123/Diskominfo/2026", new DateOnly(2026, 11, 23),
        "Dinas Komunikasi dan Informatika", "Budi Santoso", "Kepala Dinas", "city-ca", "CN=Budi Santoso", "1A2B", new DateTimeOffset(2026, 11, 23, 7, 30, 0, TimeSpan.Zero),
        "ab", CertificateStanding.Valid, null);

    private static PdfSignatureCheck Check(bool intact, params VerificationText[] problems) =>
        new(1, "ETSI.CAdES.detached", new DateTimeOffset(2026, 11, 23, 7, 30, 0, TimeSpan.Zero), intact, true, "Budi Santoso", "CN=Budi Santoso", "1A2B",
            "CN=Kota Demo Signing CA", DateTimeOffset.MaxValue, true, false, null, null, problems);

    [Fact]
    public void A_valid_document_says_so_with_its_registered_details()
    {
        var result = new PdfVerificationResult(true, null, [Check(true)], Document, "ab");

        var cut = Render<VerificationReport>(p => p.Add(c => c.Result, result));

        cut.Find("[data-testid=verification-summary]").TextContent.ShouldContain("Semua tanda tangan sah");
        cut.Find("[data-testid=signature-state]").TextContent.Trim().ShouldBe("Sah");
        cut.Find("[data-testid=document-number]").TextContent.ShouldBe("000.1.2/123/Diskominfo/2026");
        cut.Markup.ShouldContain("14.30 WIB");
    }

    [Fact]
    public void A_tampered_document_shows_why_in_indonesian_and_english()
    {
        var problem = new VerificationText("Dokumen telah diubah setelah ditandatangani.", "The document was changed after signing.");
        var result = new PdfVerificationResult(true, null, [Check(false, problem)], null, "cd");

        var cut = Render<VerificationReport>(p => p.Add(c => c.Result, result));
        cut.Find("[data-testid=signature-state]").TextContent.Trim().ShouldBe("Tidak sah");
        cut.Find("[data-testid=signature-problems]").TextContent.ShouldContain("Dokumen telah diubah");
        cut.FindAll("[data-testid=registered-document]").ShouldBeEmpty();

        UseEnglish();
        var english = Render<VerificationReport>(p => p.Add(c => c.Result, result));
        english.Find("[data-testid=signature-problems]").TextContent.ShouldContain("changed after signing");
        english.Find("[data-testid=signature-state]").TextContent.Trim().ShouldBe("Not valid");
    }

    [Fact]
    public void A_file_that_is_not_a_pdf_shows_the_problem()
    {
        var result = new PdfVerificationResult(false, new VerificationText("Berkas ini bukan PDF.", "This file is not a PDF."), [], null, "ef");
        var cut = Render<VerificationReport>(p => p.Add(c => c.Result, result));
        cut.Find("[data-testid=verification-problem]").TextContent.ShouldContain("bukan PDF");
        cut.FindAll("[data-testid=signature]").ShouldBeEmpty();
    }

    [Fact]
    public void A_revoked_certificate_is_shown_with_its_date()
    {
        var revoked = Document with { Certificate = CertificateStanding.Revoked, CertificateRevokedAt = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero) };
        var cut = Render<RegisteredDocumentCard>(p => p.Add(c => c.Document, revoked));
        cut.Find("[data-testid=document-status]").TextContent.ShouldContain("dicabut sejak 1 Desember 2026 10.00 WIB");
    }
}
