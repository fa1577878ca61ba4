using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Superapps.Identity.Features.Administration;
using Superapps.Identity.IntegrationTests.Infrastructure;
using Superapps.SharedKernel;

namespace Superapps.Identity.IntegrationTests;

/// <summary>The pages under /Admin over HTTP: who may open them, and that their forms act, refuse bad input with a 4xx and audit.</summary>
public sealed class AdminPagesTests(IdentityServerFixture server) : IClassFixture<IdentityServerFixture>
{
    private const string Reason = "Pegawai pensiun";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(IdentityBrowser Browser, string AdminId)> SignedInAdministratorAsync()
    {
        var (admin, key) = await server.TakeAdministratorAsync();
        var browser = server.CreateBrowser();
        (await browser.SignInAsync(admin.UserName!, IdentityServerFixture.DemoPassword, "/Admin/Users", key)).ShouldBe("/Admin/Users");
        return (browser, admin.Id);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        using var browser = server.CreateBrowser();

        using var response = await browser.Http.GetAsync("/Admin/Users", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
    }

    [Fact]
    public async Task A_user_without_the_admin_role_is_refused()
    {
        var user = await server.TakeUserAsync();
        using var browser = server.CreateBrowser();
        await browser.SignInAsync(user.UserName!, IdentityServerFixture.DemoPassword);

        using var response = await browser.Http.GetAsync("/Admin/Users", Ct);
        using var denied = await browser.Http.GetAsync(response.Headers.Location!.OriginalString, Ct);

        response.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await denied.Content.ReadAsStringAsync(Ct)).ShouldContain("Anda tidak memiliki akses ke halaman ini.");
    }

    [Fact]
    public async Task An_administrator_whose_sign_in_did_not_use_mfa_is_refused()
    {
        var (admin, _) = await server.TakeAdministratorAsync(enrolMfa: false);
        using var browser = server.CreateBrowser();
        (await browser.SignInAsync(admin.UserName!, IdentityServerFixture.DemoPassword, "/Admin/Users")).ShouldBe("/Admin/Users");

        using var response = await browser.Http.GetAsync("/Admin/Users", Ct);
        using var denied = await browser.Http.GetAsync(response.Headers.Location!.OriginalString, Ct);

        response.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await denied.Content.ReadAsStringAsync(Ct)).ShouldContain("Halaman admin memerlukan verifikasi dua langkah (MFA).");
    }

    [Fact]
    public async Task An_administrator_signed_in_with_mfa_searches_users_and_opens_one()
    {
        var user = await server.TakeUserAsync();
        var (browser, _) = await SignedInAdministratorAsync();
        using var _ = browser;

        using var list = await browser.Http.GetAsync("/Admin/Users?q=" + Uri.EscapeDataString(user.UserName!), Ct);
        var html = await list.Content.ReadAsStringAsync(Ct);
        using var all = await browser.Http.GetAsync("/Admin/Users?p=2&status=Active", Ct);
        using var details = await browser.Http.GetAsync($"/Admin/Users/{user.Id}", Ct);

        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain($"/Admin/Users/{user.Id}");
        html.ShouldContain("1 pengguna");
        html.ShouldContain("Halaman 1 dari 1");
        all.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await all.Content.ReadAsStringAsync(Ct)).ShouldContain("Halaman 2 dari");
        details.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await details.Content.ReadAsStringAsync(Ct)).ShouldContain(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(user.DisplayName));
    }

    [Fact]
    public async Task Disabling_through_the_page_asks_for_a_reason_then_disables_and_audits_who_did_it()
    {
        var user = await server.TakeUserAsync();
        var (browser, adminId) = await SignedInAdministratorAsync();
        using var _ = browser;
        var page = $"/Admin/Users/{user.Id}";

        using var withoutReason = await browser.SubmitFormAsync(page + "?handler=Disable", new Dictionary<string, string> { ["Reason"] = " " });
        using var withReason = await browser.SubmitFormAsync(page + "?handler=Disable", new Dictionary<string, string> { ["Reason"] = Reason });
        using var after = await browser.Http.GetAsync(withReason.Headers.Location!.OriginalString, Ct);

        withoutReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await withoutReason.Content.ReadAsStringAsync(Ct)).ShouldContain("Isi alasan tindakan ini");
        withReason.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await after.Content.ReadAsStringAsync(Ct)).ShouldContain("Akun dinonaktifkan");
        var entry = (await server.AuditEntriesAsync(user.Id)).Single(e => e.Action == "user.disabled");
        entry.ActorId.ShouldBe(adminId);
        entry.Data.ShouldNotBeNull().ShouldContain(Reason);
        using var stranger = server.CreateBrowser();
        using var login = await stranger.SubmitLoginAsync(user.UserName!, IdentityServerFixture.DemoPassword);
        login.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_message_and_a_4xx_in_indonesian_or_english()
    {
        var (browser, adminId) = await SignedInAdministratorAsync();
        using var _ = browser;

        using var unknown = await browser.Http.GetAsync("/Admin/Users/no-such-user", Ct);
        using var disableSelf = await browser.SubmitFormAsync($"/Admin/Users/{adminId}?handler=Disable", new Dictionary<string, string> { ["Reason"] = Reason });
        using var withoutToken = await browser.PostAsync($"/Admin/Users/{adminId}?handler=EndSessions", new Dictionary<string, string> { ["Reason"] = Reason }, antiforgeryToken: null);
        using var badStatus = await browser.Http.GetAsync("/Admin/Users?status=nonsense&p=-3", Ct);
        using (await browser.Http.GetAsync("/culture?lang=en&returnUrl=/", Ct))
        {
        }

        using var unknownInEnglish = await browser.Http.GetAsync("/Admin/Users/no-such-user", Ct);

        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync(Ct)).ShouldContain("Pengguna tidak ditemukan.");
        disableSelf.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await disableSelf.Content.ReadAsStringAsync(Ct)).ShouldContain("Anda tidak dapat menonaktifkan akun Anda sendiri.");
        withoutToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        badStatus.StatusCode.ShouldBe(HttpStatusCode.OK);
        unknownInEnglish.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknownInEnglish.Content.ReadAsStringAsync(Ct)).ShouldContain("User not found.");
        (await server.AuditEntriesAsync(adminId)).ShouldNotContain(e => e.Action.StartsWith("user.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Posting_to_an_unknown_account_is_a_404()
    {
        var (browser, adminId) = await SignedInAdministratorAsync();
        using var _ = browser;
        using var page = await browser.Http.GetAsync($"/Admin/Users/{adminId}", Ct);
        var token = IdentityBrowser.AntiforgeryToken(await page.Content.ReadAsStringAsync(Ct));

        using var response = await browser.PostAsync("/Admin/Users/no-such-user?handler=EndSessions", new Dictionary<string, string> { ["Reason"] = Reason }, token);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Pengguna tidak ditemukan.");
    }

    [Fact]
    public async Task The_role_policy_page_toggles_mfa_for_a_role_but_not_off_for_admins()
    {
        var (browser, _) = await SignedInAdministratorAsync();
        using var _ = browser;

        using var require = await browser.SubmitFormAsync("/Admin/Roles", new Dictionary<string, string> { ["role"] = Roles.DataOperator, ["requireMfa"] = "true" });
        using var after = await browser.Http.GetAsync("/Admin/Roles", Ct);
        using var adminOff = await browser.SubmitFormAsync("/Admin/Roles", new Dictionary<string, string> { ["role"] = Roles.Administrator, ["requireMfa"] = "false" });
        using var unknown = await browser.SubmitFormAsync("/Admin/Roles", new Dictionary<string, string> { ["role"] = "no-such-role", ["requireMfa"] = "true" });
        using var restore = await browser.SubmitFormAsync("/Admin/Roles", new Dictionary<string, string> { ["role"] = Roles.DataOperator, ["requireMfa"] = "false" });

        require.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await after.Content.ReadAsStringAsync(Ct)).ShouldContain($"<input type=\"hidden\" name=\"role\" value=\"{Roles.DataOperator}\" />\n                        <input type=\"hidden\" name=\"requireMfa\" value=\"false\" />");
        adminOff.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await adminOff.Content.ReadAsStringAsync(Ct)).ShouldContain("Peran admin selalu wajib MFA.");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        restore.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await server.AuditEntriesAsync(Roles.DataOperator)).Count(e => e.Action == "role-policy.changed").ShouldBe(2);
    }

    [Fact]
    public async Task The_mfa_proof_and_the_session_survive_the_security_stamp_refresh()
    {
        var options = server.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var sessionId = Guid.NewGuid().ToString();
        var current = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "u1"), new Claim("sid", sessionId), new Claim("amr", "mfa")], "Identity.Application"));
        var context = new SecurityStampRefreshingPrincipalContext
        {
            CurrentPrincipal = current,
            NewPrincipal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u1")], "Identity.Application")),
        };

        await options.OnRefreshingPrincipal!(context);

        context.NewPrincipal!.FindFirst("sid")?.Value.ShouldBe(sessionId);
        context.NewPrincipal.HasClaim(AdministrationPolicy.AuthenticationMethodClaim, AdministrationPolicy.MultiFactor).ShouldBeTrue();
    }
}
