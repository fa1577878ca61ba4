using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Superapps.Signing.Contracts;
using Superapps.Signing.Pages.Verification;
using Superapps.Testing;

namespace Superapps.Signing.Tests.Components;

public sealed class VerifyCodePageTests : SuperappsComponentTest
{
    private readonly IPdfSignatureVerifier _verifier = Substitute.For<IPdfSignatureVerifier>();

    public VerifyCodePageTests() => Services.AddSingleton(_verifier);

    [Fact]
    public void The_page_is_public_on_purpose() =>
        typeof(VerifyCodePage).GetCustomAttributes(typeof(AllowAnonymousAttribute), inherit: true).ShouldNotBeEmpty();

    [Fact]
    public void An_unknown_code_says_the_document_is_not_registered()
    {
        _verifier.FindAsync("TIDAKADA", Arg.Any<CancellationToken>()).Returns((RegisteredDocument?)null);

        var cut = Render<VerifyCodePage>(p => p.Add(c => c.Code, "TIDAKADA"));

        cut.WaitForAssertion(() => cut.Find("[data-testid=unknown-code]").TextContent.ShouldContain("tidak dikenal"));
    }

    [Fact]
    public void A_known_code_shows_the_letter_number_signer_and_time_in_wib()
    {
        _verifier.FindAsync("KODEVALID", Arg.Any<CancellationToken>()).Returns(new RegisteredDocument("KODEVALID", "000.1.2/123/Diskominfo/2026",
            new DateOnly(2026, 11, 23), "Dinas Komunikasi dan Informatika", "Budi Santoso", "Kepala Dinas", "city-ca", "CN=Budi Santoso", "1A",
            new DateTimeOffset(2026, 11, 23, 2, 5, 0, TimeSpan.Zero), "ab", CertificateStanding.Valid, null));

        var cut = Render<VerifyCodePage>(p => p.Add(c => c.Code, "KODEVALID"));

        cut.WaitForAssertion(() => cut.Find("[data-testid=document-number]").TextContent.ShouldBe("000.1.2/123/Diskominfo/2026"));
        cut.Markup.ShouldContain("Budi Santoso");
        cut.Markup.ShouldContain("09.05 WIB");
        cut.Find("[data-testid=document-status]").TextContent.ShouldContain("sertifikat yang sah");
    }
}
