using Bunit;
using Microsoft.AspNetCore.Authorization;
using Superapps.SharedKernel;
using Superapps.Signing.Pages.Enrolment;
using Superapps.Testing;

namespace Superapps.Signing.Tests.Components;

/// <summary>The enrolment page /tanda-tangan with the real enrolment service: passphrase rules in place, issuing, re-enrolling.</summary>
public sealed class EnrolmentPageTests(PostgresServer server) : SigningPageTest(server)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public void The_page_is_for_employees() =>
        typeof(EnrolmentPage).GetCustomAttributes(typeof(AuthorizeAttribute), inherit: true).Cast<AuthorizeAttribute>()
            .ShouldHaveSingleItem().Policy.ShouldBe(Policies.Employee);

    [Fact]
    public async Task A_short_passphrase_or_a_different_repetition_is_refused_in_place_and_nothing_is_issued()
    {
        SignIn("Budi Santoso", Budi, Policies.Employee);
        var page = Render<EnrolmentPage>();
        page.WaitForElement("[data-testid=enrol]", Wait);
        page.FindAll("[data-testid=certificate]").ShouldBeEmpty();

        page.Find("input[data-testid=passphrase]").Change("pendek");
        page.Find("input[data-testid=confirmation]").Change("pendek");
        page.Find("[data-testid=enrol]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=errors]").TextContent.ShouldContain("Frasa sandi minimal 10 karakter."), Wait);
        page.Find("input[data-testid=passphrase]").GetAttribute("value").ShouldBe("pendek", "what the user typed stays");

        page.Find("input[data-testid=passphrase]").Change("frasa-sandi-panjang");
        page.Find("input[data-testid=confirmation]").Change("frasa-sandi-lain");
        page.Find("[data-testid=enrol]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=errors]").TextContent.ShouldContain("Kedua frasa sandi tidak sama."), Wait);
        page.Find("[data-testid=errors]").TextContent.ShouldNotContain("minimal 10 karakter");
        page.Find("input[data-testid=confirmation]").GetAttribute("value").ShouldBe("frasa-sandi-lain");

        page.FindAll("[data-testid=enrol-done]").ShouldBeEmpty();
        page.FindAll("[data-testid=certificate]").ShouldBeEmpty();
        (await Enrolment.CurrentAsync(Budi, Ct)).ShouldBeNull();
        Module.Audit.Events.ShouldNotContain(e => e.Action.StartsWith("certificate.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_rules_are_explained_in_english_for_an_english_user()
    {
        UseEnglish();
        SignIn("Budi Santoso", Budi, Policies.Employee);
        var page = Render<EnrolmentPage>();
        page.WaitForElement("[data-testid=enrol]", Wait);

        page.Find("input[data-testid=passphrase]").Change("short");
        page.Find("[data-testid=enrol]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=errors]").TextContent.ShouldContain("The passphrase needs at least 10 characters."), Wait);
        page.Find("[data-testid=enrol]").TextContent.ShouldContain("Issue certificate");
    }

    [Fact]
    public async Task A_good_passphrase_issues_a_certificate_shown_with_its_serial_and_validity()
    {
        SignIn("Budi Santoso", Budi, Policies.Employee);
        var page = Render<EnrolmentPage>();
        page.WaitForElement("[data-testid=enrol]", Wait);

        page.Find("input[data-testid=passphrase]").Change("frasa-sandi-rahasia-budi");
        page.Find("input[data-testid=confirmation]").Change("frasa-sandi-rahasia-budi");
        page.Find("[data-testid=enrol]").Click();

        page.WaitForElement("[data-testid=enrol-done]", Wait).TextContent.ShouldContain("Sertifikat diterbitkan");
        var issued = (await Enrolment.CurrentAsync(Budi, Ct)).ShouldNotBeNull();
        issued.RevokedAt.ShouldBeNull();
        var certificate = page.Find("[data-testid=certificate]");
        certificate.TextContent.ShouldContain(issued.Serial);
        certificate.TextContent.ShouldContain("CN=Budi Santoso");
        certificate.TextContent.ShouldContain("Berlaku");
        page.Find("[data-testid=certificate-expiry]").TextContent.ShouldBe(Wib.FormatDateTime(issued.NotAfter));
        page.Find("input[data-testid=passphrase]").GetAttribute("value").ShouldBeNullOrEmpty("the passphrase is not kept on the page");
        page.Find("input[data-testid=confirmation]").GetAttribute("value").ShouldBeNullOrEmpty();
        page.FindAll("[data-testid=errors]").ShouldBeEmpty();
        Module.Audit.Events.ShouldContain(e => e.Action == "certificate.issued" && e.EntityId == issued.Serial);
    }

    [Fact]
    public async Task An_enrolled_employee_sees_the_certificate_and_enrolling_again_replaces_it()
    {
        var first = await Enrolment.EnrolAsync(Budi, "frasa-sandi-pertama", "frasa-sandi-pertama", Ct);
        SignIn("Budi Santoso", Budi, Policies.Employee);

        var page = Render<EnrolmentPage>();

        page.WaitForElement("[data-testid=certificate]", Wait).TextContent.ShouldContain(first.Serial);
        page.Find("[data-testid=certificate-expiry]").TextContent.ShouldBe(Wib.FormatDateTime(first.NotAfter));
        page.Find("[data-testid=enrol]").TextContent.ShouldContain("Terbitkan sertifikat baru");

        Clock.Advance(TimeSpan.FromMinutes(5));
        page.Find("input[data-testid=passphrase]").Change("frasa-sandi-kedua");
        page.Find("input[data-testid=confirmation]").Change("frasa-sandi-kedua");
        page.Find("[data-testid=enrol]").Click();

        page.WaitForElement("[data-testid=enrol-done]", Wait);
        var second = (await Enrolment.CurrentAsync(Budi, Ct)).ShouldNotBeNull();
        second.Serial.ShouldNotBe(first.Serial);
        page.Find("[data-testid=certificate]").TextContent.ShouldContain(second.Serial);
        page.Find("[data-testid=certificate]").TextContent.ShouldNotContain(first.Serial);
        var old = (await Enrolment.ListAsync(first.Serial, 0, 10, Ct)).Items.ShouldHaveSingleItem();
        old.RevokedAt.ShouldBe(Clock.GetUtcNow());
        old.RevocationReason.ShouldBe(Domain.RevocationReason.Superseded);
        Module.Audit.Events.ShouldContain(e => e.Action == "certificate.revoked" && e.EntityId == first.Serial);
        Module.Audit.Events.ShouldContain(e => e.Action == "certificate.issued" && e.EntityId == second.Serial);
    }

    [Fact]
    public void An_account_without_an_employee_record_is_told_so_and_gets_no_form()
    {
        SignIn("Tamu", employee: null, Policies.Employee);

        var page = Render<EnrolmentPage>();

        page.WaitForAssertion(() => page.Markup.ShouldContain("tidak terhubung dengan data pegawai"), Wait);
        page.FindAll("[data-testid=enrol]").ShouldBeEmpty();
        page.FindAll("input[data-testid=passphrase]").ShouldBeEmpty();
    }
}
