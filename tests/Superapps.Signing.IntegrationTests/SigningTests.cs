using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.SharedKernel;
using Superapps.Signing.Contracts;
using Superapps.Signing.Data;
using Superapps.Signing.Features.Authority;
using Superapps.Signing.Features.Enrolment;
using Superapps.Testing;

namespace Superapps.Signing.IntegrationTests;

public sealed class SigningTests(PostgresServer server, ITestOutputHelper output)
{
    [Fact]
    public async Task A_signed_pdf_passes_qpdf_and_pdfsig_and_a_flipped_byte_breaks_it()
    {
        await using var harness = await SigningHarness.CreateAsync(server);
        var enrolment = harness.Get<CertificateEnrolment>();
        var certificate = await enrolment.EnrolAsync(SigningHarness.Budi, SigningHarness.Passphrase, SigningHarness.Passphrase, TestContext.Current.CancellationToken);
        certificate.Subject.ShouldContain("CN=Budi Santoso");
        certificate.Subject.ShouldContain("198503152010011002");
        certificate.Subject.ShouldContain("O=Pemerintah Kota Demo");
        certificate.Subject.ShouldContain("OU=Dinas Komunikasi dan Informatika");

        var signer = harness.Get<IDocumentSigner>();
        var code = signer.NewVerificationCode();
        var original = SigningHarness.TwoPagePdf();
        var signed = await signer.SignPdfAsync(SigningHarness.Request(original, SigningHarness.Passphrase, code), TestContext.Current.CancellationToken);

        signed.Provider.ShouldBe("city-ca");
        signed.CertificateSerial.ShouldBe(certificate.Serial);
        signed.Pdf.AsSpan(0, original.Length).SequenceEqual(original).ShouldBeTrue("the original bytes are kept: the signature is an incremental update");
        harness.Audit.Events.ShouldContain(e => e.Action == "document.signed" && e.EntityId == code);

        output.WriteLine(await PdfTools.CheckWithQpdfAsync(await harness.WriteAsync("unsigned.pdf", original), TestContext.Current.CancellationToken));
        var path = await harness.WriteAsync("signed.pdf", signed.Pdf);
        output.WriteLine(await PdfTools.CheckWithQpdfAsync(path, TestContext.Current.CancellationToken));

        var ca = await harness.Get<CityAuthority>().GetCertificatesAsync(TestContext.Current.CancellationToken);
        var nss = await harness.NssDatabaseTrustingAsync(ca.Root);
        var pdfsig = await ExternalTool.RunAsync("pdfsig", "-nssdir", "sql:" + nss, path);
        output.WriteLine(pdfsig.Output);
        pdfsig.Output.ShouldContain("Signature Validation: Signature is Valid.");
        pdfsig.Output.ShouldContain("Certificate Validation: Certificate is Trusted.");
        pdfsig.Output.ShouldContain("Signature Type: ETSI.CAdES.detached");
        pdfsig.Output.ShouldContain("Total document signed");

        var verifier = harness.Get<IPdfSignatureVerifier>();
        var report = await verifier.VerifyAsync(signed.Pdf, TestContext.Current.CancellationToken);
        report.AllValid.ShouldBeTrue(string.Join("; ", report.Signatures.SelectMany(s => s.Problems).Select(p => p.English)));
        report.Signatures.Single().SignerName.ShouldBe("Budi Santoso");
        report.Signatures.Single().SubFilter.ShouldBe("ETSI.CAdES.detached");
        report.Registered.ShouldNotBeNull().VerificationCode.ShouldBe(code);

        // One byte inside the signed range (in the original page content) changed.
        var tampered = (byte[])signed.Pdf.Clone();
        var at = original.Length / 2;
        tampered[at] ^= 0x01;
        var tamperedPath = await harness.WriteAsync("tampered.pdf", tampered);
        var broken = await ExternalTool.RunAsync("pdfsig", "-nssdir", "sql:" + nss, tamperedPath);
        output.WriteLine(broken.Output);
        broken.Output.ShouldNotContain("Signature is Valid.");
        broken.Output.ShouldContain("Signature Validation:");

        var tamperedReport = await verifier.VerifyAsync(tampered, TestContext.Current.CancellationToken);
        tamperedReport.AllValid.ShouldBeFalse();
        tamperedReport.Signatures.Single().Intact.ShouldBeFalse();
        tamperedReport.Registered.ShouldBeNull();
    }

    [Fact]
    public async Task A_pdf_with_a_cross_reference_stream_is_signed_too()
    {
        await using var harness = await SigningHarness.CreateAsync(server);
        await harness.Get<CertificateEnrolment>().EnrolAsync(SigningHarness.Budi, SigningHarness.Passphrase, SigningHarness.Passphrase, TestContext.Current.CancellationToken);
        var plain = await harness.WriteAsync("plain.pdf", SigningHarness.TwoPagePdf());
        var compressed = Path.Combine(harness.Folder, "objstm.pdf");
        await ExternalTool.RunCheckedAsync("qpdf", ["--object-streams=generate", plain, compressed], cancellationToken: TestContext.Current.CancellationToken);
        var original = await File.ReadAllBytesAsync(compressed, TestContext.Current.CancellationToken);
        System.Text.Encoding.Latin1.GetString(original).ShouldContain("/XRef");

        var signer = harness.Get<IDocumentSigner>();
        var signed = await signer.SignPdfAsync(SigningHarness.Request(original, SigningHarness.Passphrase, signer.NewVerificationCode()), TestContext.Current.CancellationToken);

        var path = await harness.WriteAsync("objstm-signed.pdf", signed.Pdf);
        output.WriteLine(await PdfTools.CheckWithQpdfAsync(path, TestContext.Current.CancellationToken));
        var ca = await harness.Get<CityAuthority>().GetCertificatesAsync(TestContext.Current.CancellationToken);
        var pdfsig = await ExternalTool.RunAsync("pdfsig", "-nssdir", "sql:" + await harness.NssDatabaseTrustingAsync(ca.Root), path);
        output.WriteLine(pdfsig.Output);
        pdfsig.Output.ShouldContain("Signature Validation: Signature is Valid.");
    }

    [Fact]
    public async Task Signing_twice_gives_two_valid_signatures_and_the_first_reports_the_later_change()
    {
        await using var harness = await SigningHarness.CreateAsync(server);
        await harness.Get<CertificateEnrolment>().EnrolAsync(SigningHarness.Budi, SigningHarness.Passphrase, SigningHarness.Passphrase, TestContext.Current.CancellationToken);
        var signer = harness.Get<IDocumentSigner>();
        var once = await signer.SignPdfAsync(SigningHarness.Request(SigningHarness.TwoPagePdf(), SigningHarness.Passphrase, signer.NewVerificationCode()), TestContext.Current.CancellationToken);
        var twice = await signer.SignPdfAsync(SigningHarness.Request(once.Pdf, SigningHarness.Passphrase, signer.NewVerificationCode()), TestContext.Current.CancellationToken);

        await PdfTools.CheckWithQpdfAsync(await harness.WriteAsync("twice.pdf", twice.Pdf), TestContext.Current.CancellationToken);
        var report = await harness.Get<IPdfSignatureVerifier>().VerifyAsync(twice.Pdf, TestContext.Current.CancellationToken);
        report.Signatures.Count.ShouldBe(2);
        report.Signatures[0].Intact.ShouldBeTrue();
        report.Signatures[0].CoversWholeDocument.ShouldBeFalse();
        report.Signatures[1].Valid.ShouldBeTrue();
    }

    [Fact]
    public async Task Five_wrong_passphrases_lock_signing_for_fifteen_minutes()
    {
        await using var harness = await SigningHarness.CreateAsync(server);
        await harness.Get<CertificateEnrolment>().EnrolAsync(SigningHarness.Budi, SigningHarness.Passphrase, SigningHarness.Passphrase, TestContext.Current.CancellationToken);
        var signer = harness.Get<IDocumentSigner>();
        var pdf = SigningHarness.TwoPagePdf();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await Should.ThrowAsync<DomainRuleException>(() => signer.SignPdfAsync(SigningHarness.Request(pdf, "salah-salah-salah", signer.NewVerificationCode())));
            wrong.Error.Code.ShouldBe("signing.passphrase.wrong");
            wrong.Error.Indonesian.ShouldBe($"Frasa sandi salah. Sisa percobaan: {5 - attempt}.");
            wrong.Error.English.ShouldBe($"Wrong passphrase. Attempts left: {5 - attempt}.");
        }

        var fifth = await Should.ThrowAsync<DomainRuleException>(() => signer.SignPdfAsync(SigningHarness.Request(pdf, "salah-salah-salah", signer.NewVerificationCode())));
        fifth.Error.Code.ShouldBe("signing.locked");

        // Even the right passphrase is refused while locked, and the status says until when.
        (await Should.ThrowAsync<DomainRuleException>(() => signer.SignPdfAsync(SigningHarness.Request(pdf, SigningHarness.Passphrase, signer.NewVerificationCode()))))
            .Error.Code.ShouldBe("signing.locked");
        var status = await signer.GetStatusAsync(SigningHarness.Budi, TestContext.Current.CancellationToken);
        status.CanSign.ShouldBeFalse();
        status.LockedUntil.ShouldBe(harness.Clock.GetUtcNow().AddMinutes(15));
        harness.Audit.Events.ShouldContain(e => e.Action == "signing.locked");

        harness.Clock.Advance(TimeSpan.FromMinutes(15));
        (await signer.GetStatusAsync(SigningHarness.Budi, TestContext.Current.CancellationToken)).CanSign.ShouldBeTrue();
        var signed = await signer.SignPdfAsync(SigningHarness.Request(pdf, SigningHarness.Passphrase, signer.NewVerificationCode()), TestContext.Current.CancellationToken);
        signed.Pdf.Length.ShouldBeGreaterThan(pdf.Length);

        // The correct passphrase reset the count: one wrong one leaves four.
        (await Should.ThrowAsync<DomainRuleException>(() => signer.SignPdfAsync(SigningHarness.Request(pdf, "salah-salah-salah", signer.NewVerificationCode()))))
            .Error.English.ShouldBe("Wrong passphrase. Attempts left: 4.");
    }

    [Fact]
    public async Task A_revoked_certificate_is_refused_and_verification_says_why()
    {
        await using var harness = await SigningHarness.CreateAsync(server);
        var enrolment = harness.Get<CertificateEnrolment>();
        var certificate = await enrolment.EnrolAsync(SigningHarness.Budi, SigningHarness.Passphrase, SigningHarness.Passphrase, TestContext.Current.CancellationToken);
        var signer = harness.Get<IDocumentSigner>();
        var code = signer.NewVerificationCode();
        var signed = await signer.SignPdfAsync(SigningHarness.Request(SigningHarness.TwoPagePdf(), SigningHarness.Passphrase, code), TestContext.Current.CancellationToken);

        harness.Clock.Advance(TimeSpan.FromHours(1));
        await enrolment.RevokeAsync(certificate.Id, Domain.RevocationReason.KeyCompromise, "Laptop hilang", "Admin", TestContext.Current.CancellationToken);
        harness.Audit.Events.ShouldContain(e => e.Action == "certificate.revoked" && e.EntityId == certificate.Serial);

        var refused = await Should.ThrowAsync<DomainRuleException>(() =>
            signer.SignPdfAsync(SigningHarness.Request(SigningHarness.TwoPagePdf(), SigningHarness.Passphrase, signer.NewVerificationCode())));
        refused.Error.Code.ShouldBe("signing.certificate.revoked");
        (await signer.GetStatusAsync(SigningHarness.Budi, TestContext.Current.CancellationToken)).CanSign.ShouldBeFalse();

        var verifier = harness.Get<IPdfSignatureVerifier>();
        var report = await verifier.VerifyAsync(signed.Pdf, TestContext.Current.CancellationToken);
        var check = report.Signatures.Single();
        check.Intact.ShouldBeTrue();
        check.RevokedAt.ShouldNotBeNull().ShouldBe(harness.Clock.GetUtcNow(), TimeSpan.FromMilliseconds(1));
        check.Valid.ShouldBeFalse();
        check.Problems.ShouldContain(p => p.English.Contains("revoked") && p.English.Contains("Laptop hilang"));
        var registered = await verifier.FindAsync(code, TestContext.Current.CancellationToken);
        registered.ShouldNotBeNull().Certificate.ShouldBe(CertificateStanding.Revoked);

        // The CRL lists it.
        var crl = await harness.Get<CityAuthority>().CrlAsync("intermediate", TestContext.Current.CancellationToken);
        var crlPath = await harness.WriteAsync("intermediate.crl", crl!);
        var text = await ExternalTool.RunCheckedAsync("openssl", ["crl", "-inform", "DER", "-in", crlPath, "-noout", "-text"], cancellationToken: TestContext.Current.CancellationToken);
        text.Output.ShouldContain(certificate.Serial);

        // Enrolling again issues a new certificate that signs.
        var renewed = await enrolment.EnrolAsync(SigningHarness.Budi, "frasa-sandi-baru-budi", "frasa-sandi-baru-budi", TestContext.Current.CancellationToken);
        renewed.Serial.ShouldNotBe(certificate.Serial);
        (await signer.SignPdfAsync(SigningHarness.Request(SigningHarness.TwoPagePdf(), "frasa-sandi-baru-budi", signer.NewVerificationCode()), TestContext.Current.CancellationToken))
            .CertificateSerial.ShouldBe(renewed.Serial);
    }

    [Fact]
    public async Task An_expired_certificate_is_refused_and_verification_says_so()
    {
        await using var harness = await SigningHarness.CreateAsync(server);
        await harness.Get<CertificateEnrolment>().EnrolAsync(SigningHarness.Budi, SigningHarness.Passphrase, SigningHarness.Passphrase, TestContext.Current.CancellationToken);
        var signer = harness.Get<IDocumentSigner>();
        var signed = await signer.SignPdfAsync(SigningHarness.Request(SigningHarness.TwoPagePdf(), SigningHarness.Passphrase, signer.NewVerificationCode()), TestContext.Current.CancellationToken);

        harness.Clock.Advance(TimeSpan.FromDays(2 * 365 + 1));
        var refused = await Should.ThrowAsync<DomainRuleException>(() =>
            signer.SignPdfAsync(SigningHarness.Request(SigningHarness.TwoPagePdf(), SigningHarness.Passphrase, signer.NewVerificationCode())));
        refused.Error.Code.ShouldBe("signing.certificate.expired");

        var check = (await harness.Get<IPdfSignatureVerifier>().VerifyAsync(signed.Pdf, TestContext.Current.CancellationToken)).Signatures.Single();
        check.Expired.ShouldBeTrue();
        check.Intact.ShouldBeTrue();
        check.Problems.ShouldContain(p => p.English.Contains("expired"));
    }

    [Fact]
    public async Task An_inactive_employee_or_one_without_a_certificate_cannot_sign()
    {
        await using var harness = await SigningHarness.CreateAsync(server);
        var signer = harness.Get<IDocumentSigner>();
        (await Should.ThrowAsync<DomainRuleException>(() => signer.SignPdfAsync(SigningHarness.Request(SigningHarness.TwoPagePdf(), SigningHarness.Passphrase, signer.NewVerificationCode()))))
            .Error.Code.ShouldBe("signing.not-enrolled");
        (await Should.ThrowAsync<DomainRuleException>(() => signer.SignPdfAsync(SigningHarness.Request(SigningHarness.TwoPagePdf(), SigningHarness.Passphrase, signer.NewVerificationCode(), SigningHarness.Inactive))))
            .Error.Code.ShouldBe("signing.signer.not-authorised");
        (await Should.ThrowAsync<DomainRuleException>(() => harness.Get<CertificateEnrolment>().EnrolAsync(SigningHarness.Budi, "pendek", "pendek")))
            .Error.Code.ShouldBe("signing.passphrase.too-short");
        (await Should.ThrowAsync<DomainRuleException>(() => signer.SignPdfAsync(SigningHarness.Request("bukan pdf"u8.ToArray(), SigningHarness.Passphrase, signer.NewVerificationCode()))))
            .Error.Code.ShouldBe("signing.pdf.invalid");
    }

    [Fact]
    public async Task The_city_ca_is_created_once_even_when_two_instances_race()
    {
        await using var harness = await SigningHarness.CreateAsync(server);
        await using (var scope = harness.Services.CreateScope())
        {
            var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SigningDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
            (await db.Authorities.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(2, "the initializer created the root and the intermediate at start");
            await db.Authorities.ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        }

        CityAuthority NewInstance() => new(harness.Get<IDbContextFactory<SigningDbContext>>(), harness.Get<CaKeySecret>(),
            harness.Get<Microsoft.Extensions.Options.IOptions<SigningOptions>>(), harness.Clock, harness.Get<IServiceScopeFactory>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<CityAuthority>.Instance);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => NewInstance().EnsureCreatedAsync())));
        await harness.Get<CityAuthority>().EnsureCreatedAsync(TestContext.Current.CancellationToken);

        await using var check = await harness.Get<IDbContextFactory<SigningDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var kinds = await check.Authorities.Select(a => a.Kind).ToListAsync(TestContext.Current.CancellationToken);
        kinds.Count.ShouldBe(2);
        kinds.ShouldBe([Domain.AuthorityKind.Root, Domain.AuthorityKind.Intermediate], ignoreOrder: true);
        harness.Audit.Events.Count(e => e.Action == "authority.created").ShouldBe(2, "once at start, once after the rows were removed");
    }

    [Fact]
    public async Task Timing_of_one_signature_with_key_decryption()
    {
        await using var harness = await SigningHarness.CreateAsync(server);
        await harness.Get<CertificateEnrolment>().EnrolAsync(SigningHarness.Budi, SigningHarness.Passphrase, SigningHarness.Passphrase, TestContext.Current.CancellationToken);
        var signer = harness.Get<IDocumentSigner>();
        var pdf = SigningHarness.TwoPagePdf();
        await signer.SignPdfAsync(SigningHarness.Request(pdf, SigningHarness.Passphrase, signer.NewVerificationCode()), TestContext.Current.CancellationToken);
        var times = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            var watch = Stopwatch.StartNew();
            await signer.SignPdfAsync(SigningHarness.Request(pdf, SigningHarness.Passphrase, signer.NewVerificationCode()), TestContext.Current.CancellationToken);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        output.WriteLine($"Sign (with PBKDF2 key decryption, {harness.Get<Microsoft.Extensions.Options.IOptions<SigningOptions>>().Value.PassphraseIterations} iterations) of a two-page PDF: median {times[5]:F0} ms, max {times[^1]:F0} ms");
        times.Count.ShouldBe(10);

        // Where the time goes: the key decryption alone, and the PDF update with the CMS alone.
        await using var db = await harness.Get<IDbContextFactory<SigningDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var stored = await db.Certificates.FirstAsync(TestContext.Current.CancellationToken);
        var ca = await harness.Get<CityAuthority>().GetCertificatesAsync(TestContext.Current.CancellationToken);
        var decrypt = Stopwatch.StartNew();
        using var key = KeyProtection.Decrypt(stored.EncryptedKey, SigningHarness.Passphrase);
        var decryptMs = decrypt.Elapsed.TotalMilliseconds;
        using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(stored.Certificate);
        var write = Stopwatch.StartNew();
        var signedOnly = Pdf.PdfSignatureWriter.Sign(pdf, new Pdf.SignatureDictionaryInfo(harness.Clock.GetUtcNow(), "Budi", "Uji"),
            covered => Pdf.CadesSignature.Create(covered, certificate, key, [ca.Intermediate]));
        output.WriteLine($"Key decryption {decryptMs:F0} ms; PDF update with CMS {write.Elapsed.TotalMilliseconds:F0} ms");
        signedOnly.Length.ShouldBeGreaterThan(pdf.Length);
    }
}
