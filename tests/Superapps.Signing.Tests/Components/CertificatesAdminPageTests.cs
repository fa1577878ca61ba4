using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Superapps.SharedKernel;
using Superapps.Signing.Domain;
using Superapps.Signing.Features.Enrolment;
using Superapps.Signing.Pages.Admin;
using Superapps.Testing;

namespace Superapps.Signing.Tests.Components;

/// <summary>The administrators' page /tanda-tangan/admin with the real enrolment service: listing, searching, revoking with a reason.</summary>
public sealed class CertificatesAdminPageTests(PostgresServer server) : SigningPageTest(server)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public void The_page_is_for_administrators() =>
        typeof(CertificatesAdminPage).GetCustomAttributes(typeof(AuthorizeAttribute), inherit: true).Cast<AuthorizeAttribute>()
            .ShouldHaveSingleItem().Policy.ShouldBe(Policies.Administrator);

    [Fact]
    public async Task An_employee_who_is_not_an_administrator_gets_no_list_and_no_revoke_button()
    {
        await Enrolment.EnrolAsync(Budi, "frasa-sandi-budi-1", "frasa-sandi-budi-1", Ct);
        SignIn("Budi Santoso", Budi, Policies.Employee);

        // As the portal's router renders the page: through AuthorizeRouteView, which applies the page's [Authorize].
        var routed = RenderRouted();

        routed.WaitForAssertion(() => routed.Find("[data-testid=not-authorized]").ShouldNotBeNull(), Wait);
        routed.FindAll("[data-testid=certificates]").ShouldBeEmpty();
        routed.FindAll("[data-testid=revoke]").ShouldBeEmpty();
        (await Enrolment.CurrentAsync(Budi, Ct)).ShouldNotBeNull().RevokedAt.ShouldBeNull();
    }

    [Fact]
    public async Task An_administrator_reaches_the_list_through_the_router()
    {
        var budi = await Enrolment.EnrolAsync(Budi, "frasa-sandi-budi-1", "frasa-sandi-budi-1", Ct);
        SignIn("Admin Kota", employee: null, Policies.Administrator);

        var routed = RenderRouted();

        routed.WaitForAssertion(() => routed.Find("[data-testid=certificates]").TextContent.ShouldContain(budi.Serial), Wait);
        routed.FindAll("[data-testid=not-authorized]").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_list_shows_every_certificate_newest_first_and_searches_by_name()
    {
        var budi = await Enrolment.EnrolAsync(Budi, "frasa-sandi-budi-1", "frasa-sandi-budi-1", Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var sari = await Enrolment.EnrolAsync(Sari, "frasa-sandi-sari-1", "frasa-sandi-sari-1", Ct);
        SignIn("Admin Kota", employee: null, Policies.Administrator);

        var page = Render<CertificatesAdminPage>();

        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(2), Wait);
        Rows(page)[0].TextContent.ShouldContain(sari.Serial);
        Rows(page)[0].TextContent.ShouldContain("Sari Wulandari");
        Rows(page)[1].TextContent.ShouldContain(budi.Serial);
        Rows(page).ShouldAllBe(r => r.QuerySelector("[data-testid=certificate-status]")!.TextContent.Trim() == "Berlaku");

        page.Find("[data-testid=certificates] input").Input("wulandari");
        page.WaitForAssertion(() => Rows(page).ShouldHaveSingleItem().TextContent.ShouldContain(sari.Serial), Wait);
    }

    [Fact]
    public async Task Revoking_needs_a_reason_then_revokes_audits_and_shows_the_new_state()
    {
        var budi = await Enrolment.EnrolAsync(Budi, "frasa-sandi-budi-1", "frasa-sandi-budi-1", Ct);
        var sari = await Enrolment.EnrolAsync(Sari, "frasa-sandi-sari-1", "frasa-sandi-sari-1", Ct);
        SignIn("Admin Kota", employee: null, Policies.Administrator);
        var page = Render<CertificatesAdminPage>();
        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(2), Wait);

        StartRevoking(page, sari.Serial).TextContent.ShouldContain("Sari Wulandari");
        page.Find("input[data-testid=revoke-note]").Change("Pindah ke Dinas Kesehatan");
        page.WaitForAssertion(() => page.Find("input[data-testid=revoke-note]").GetAttribute("value").ShouldBe("Pindah ke Dinas Kesehatan"), Wait);

        // No reason chosen: refused in place, the note kept, nothing revoked.
        page.Find("[data-testid=revoke-confirm]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=revoke-form] [data-testid=errors]").TextContent.ShouldContain("Pilih alasan pencabutan sertifikat."), Wait);
        page.Find("input[data-testid=revoke-note]").GetAttribute("value").ShouldBe("Pindah ke Dinas Kesehatan");
        (await Enrolment.CurrentAsync(Sari, Ct)).ShouldNotBeNull().RevokedAt.ShouldBeNull();
        Module.Audit.Events.ShouldNotContain(e => e.Action == "certificate.revoked");

        ChooseReason(page, RevocationReason.AffiliationChanged);
        page.Find("[data-testid=revoke-confirm]").Click();

        page.WaitForElement("[data-testid=revoke-done]", Wait).TextContent.ShouldContain("Sertifikat dicabut.");
        page.FindAll("[data-testid=revoke-form]").ShouldBeEmpty();
        var revoked = (await Enrolment.CurrentAsync(Sari, Ct)).ShouldNotBeNull();
        revoked.RevokedAt.ShouldBe(Clock.GetUtcNow());
        revoked.RevocationReason.ShouldBe(RevocationReason.AffiliationChanged);
        revoked.RevocationNote.ShouldBe("Pindah ke Dinas Kesehatan");
        (await Enrolment.CurrentAsync(Budi, Ct)).ShouldNotBeNull().RevokedAt.ShouldBeNull("only the chosen certificate is revoked");
        Module.Audit.Events.ShouldContain(e => e.Action == "certificate.revoked" && e.EntityId == sari.Serial && e.Summary.Contains("Pindah ke Dinas Kesehatan"));
        page.WaitForAssertion(() => RowOf(page, sari.Serial).QuerySelector("[data-testid=certificate-status]")!.TextContent.ShouldContain("Dicabut"), Wait);
        RowOf(page, sari.Serial).QuerySelector("[data-testid=revoke]").ShouldBeNull("a revoked certificate cannot be revoked again");
        RowOf(page, budi.Serial).QuerySelector("[data-testid=revoke]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Cancelling_a_revocation_changes_nothing()
    {
        var sari = await Enrolment.EnrolAsync(Sari, "frasa-sandi-sari-1", "frasa-sandi-sari-1", Ct);
        SignIn("Admin Kota", employee: null, Policies.Administrator);
        var page = Render<CertificatesAdminPage>();
        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(1), Wait);

        StartRevoking(page, sari.Serial);
        ChooseReason(page, RevocationReason.KeyCompromise);
        page.Find("[data-testid=revoke-cancel]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=revoke-form]").ShouldBeEmpty(), Wait);
        (await Enrolment.CurrentAsync(Sari, Ct)).ShouldNotBeNull().RevokedAt.ShouldBeNull();
        Module.Audit.Events.ShouldNotContain(e => e.Action == "certificate.revoked");
    }

    private static IReadOnlyList<IElement> Rows(IRenderedComponent<CertificatesAdminPage> page) =>
        [.. page.FindAll("[data-testid=certificates] tbody tr").Where(r => r.QuerySelector("[data-testid=certificate-status]") is not null)];

    private static IElement RowOf(IRenderedComponent<CertificatesAdminPage> page, string serial) =>
        Rows(page).Single(r => r.TextContent.Contains(serial, StringComparison.Ordinal));

    private static void ChooseReason(IRenderedComponent<CertificatesAdminPage> page, RevocationReason reason)
    {
        var selector = $"input[data-testid=revoke-reason-{reason}]";
        page.Find(selector).Click();
        page.WaitForAssertion(() => page.Find(selector).HasAttribute("checked").ShouldBeTrue(), Wait);
    }

    /// <summary>Opens the revocation form of the row showing <paramref name="serial"/>.</summary>
    private static IElement StartRevoking(IRenderedComponent<CertificatesAdminPage> page, string serial)
    {
        RowOf(page, serial).QuerySelector("[data-testid=revoke]")!.Click();
        return page.WaitForElement("[data-testid=revoke-form]", Wait);
    }

    private IRenderedComponent<AuthorizeRouteView> RenderRouted() =>
        Render<AuthorizeRouteView>(p => p
            .Add(v => v.RouteData, new RouteData(typeof(CertificatesAdminPage), new Dictionary<string, object?>()))
            .Add(v => v.NotAuthorized, (RenderFragment<AuthenticationState>)(_ => builder =>
            {
                builder.OpenElement(0, "p");
                builder.AddAttribute(1, "data-testid", "not-authorized");
                builder.CloseElement();
            })));
}
