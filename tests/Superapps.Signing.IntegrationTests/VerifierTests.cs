using System.Text;
using Superapps.Signing.Contracts;
using Superapps.Signing.Features.Enrolment;
using Superapps.Testing;

namespace Superapps.Signing.IntegrationTests;

public sealed class VerifierTests(PostgresServer server)
{
    [Fact]
    public async Task Bad_files_get_a_clear_answer_and_appended_changes_are_reported()
    {
        await using var harness = await SigningHarness.CreateAsync(server);
        var verifier = harness.Get<IPdfSignatureVerifier>();

        var notPdf = await verifier.VerifyAsync("ini bukan pdf"u8.ToArray(), TestContext.Current.CancellationToken);
        notPdf.IsPdf.ShouldBeFalse();
        notPdf.Problem.ShouldNotBeNull().English.ShouldBe("This file is not a PDF.");

        var unsigned = await verifier.VerifyAsync(SigningHarness.TwoPagePdf(), TestContext.Current.CancellationToken);
        unsigned.IsPdf.ShouldBeTrue();
        unsigned.Problem.ShouldNotBeNull().English.ShouldContain("no electronic signature");

        await harness.Get<CertificateEnrolment>().EnrolAsync(SigningHarness.Budi, SigningHarness.Passphrase, SigningHarness.Passphrase, TestContext.Current.CancellationToken);
        var signer = harness.Get<IDocumentSigner>();
        var signed = await signer.SignPdfAsync(SigningHarness.Request(SigningHarness.TwoPagePdf(), SigningHarness.Passphrase, signer.NewVerificationCode()), TestContext.Current.CancellationToken);

        var appended = signed.Pdf.Concat(Encoding.ASCII.GetBytes("\n99 0 obj\n(diubah)\nendobj\n")).ToArray();
        var check = (await verifier.VerifyAsync(appended, TestContext.Current.CancellationToken)).Signatures.Single();
        check.Intact.ShouldBeTrue();
        check.CoversWholeDocument.ShouldBeFalse();
        check.Valid.ShouldBeFalse();
        check.Problems.ShouldContain(p => p.English.Contains("after this signature"));

        var truncated = await verifier.VerifyAsync(signed.Pdf[..(signed.Pdf.Length / 2)], TestContext.Current.CancellationToken);
        truncated.AllValid.ShouldBeFalse();

        (await verifier.FindAsync("TIDAKADAKODESEPERTIINI", TestContext.Current.CancellationToken)).ShouldBeNull();
    }
}
