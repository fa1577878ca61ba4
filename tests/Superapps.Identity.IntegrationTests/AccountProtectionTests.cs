using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Superapps.Identity.Data;
using Superapps.Identity.Features.Administration;
using Superapps.Identity.IntegrationTests.Infrastructure;

namespace Superapps.Identity.IntegrationTests;

/// <summary>What protects an account: lockout after wrong passwords, disabling, and ending sessions, seen from HTTP.</summary>
public sealed class AccountProtectionTests(IdentityServerFixture server) : IClassFixture<IdentityServerFixture>
{
    private const string WrongPassword = "bukan-kata-sandi-yang-benar";
    private const string LockoutMessage = "Akun Anda dikunci sementara karena terlalu sering salah memasukkan kata sandi.";
    private const string WrongCredentialsMessage = "NIP/e-mail atau kata sandi salah.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_lockout_is_audited()
    {
        var user = await server.TakeUserAsync();
        using var browser = server.CreateBrowser();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await browser.SubmitLoginAsync(user.UserName!, WrongPassword);
            wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"attempt {attempt}");
            (await wrong.Content.ReadAsStringAsync(Ct)).ShouldContain(WrongCredentialsMessage);
        }

        using (var fifth = await browser.SubmitLoginAsync(user.UserName!, WrongPassword))
        {
            fifth.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using var sixth = await browser.SubmitLoginAsync(user.UserName!, IdentityServerFixture.DemoPassword);

        sixth.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        sixth.Headers.Location.ShouldBeNull();
        (await sixth.Content.ReadAsStringAsync(Ct)).ShouldContain(LockoutMessage);
        await using (var scope = server.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            (await users.IsLockedOutAsync((await users.FindByIdAsync(user.Id))!)).ShouldBeTrue();
        }

        var audit = await server.AuditEntriesAsync(user.Id);
        audit.Count(e => e.Action == "login.failed").ShouldBe(4);
        audit.ShouldContain(e => e.Module == "identity" && e.Action == "login.locked-out" && e.EntityType == "user");
    }

    [Fact]
    public async Task A_disabled_account_gets_no_tokens_and_cannot_sign_in()
    {
        var (admin, _) = await server.TakeAdministratorAsync();
        var user = await server.TakeUserAsync();
        using var browser = server.CreateBrowser();
        var tokens = await browser.SignInWithCodeFlowAsync(user.UserName!, IdentityServerFixture.DemoPassword);
        var sessionId = Guid.Parse(tokens.IdTokenClaims().GetProperty("sid").GetString()!);
        var beforeDisabling = await browser.RefreshAsync(tokens.RefreshToken!);
        beforeDisabling.Status.ShouldBe(HttpStatusCode.OK);

        await using (var scope = server.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .DisableAsync(admin.Id, user.Id, "Pegawai pindah tugas ke instansi lain", Ct);
            result.Succeeded.ShouldBeTrue(result.Error?.ToString());
        }

        // Its sessions end (the portal's session check notices), its tokens and authorizations are revoked, its stamp changes.
        (await browser.ActiveSessionsAsync(sessionId)).ShouldBeEmpty();
        await using (var scope = server.CreateScope())
        {
            var oidcTokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
            var statuses = new List<string?>();
            await foreach (var token in oidcTokens.FindBySubjectAsync(user.Id, Ct))
            {
                statuses.Add(await oidcTokens.GetStatusAsync(token, Ct));
            }

            statuses.ShouldNotBeEmpty();
            statuses.ShouldNotContain(OpenIddictConstants.Statuses.Valid);
            var authorizations = scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>();
            await foreach (var authorization in authorizations.FindBySubjectAsync(user.Id, Ct))
            {
                (await authorizations.GetStatusAsync(authorization, Ct)).ShouldBe(OpenIddictConstants.Statuses.Revoked);
            }

            var stored = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(user.Id);
            stored!.IsDisabled.ShouldBeTrue();
            stored.SecurityStamp.ShouldNotBe(user.SecurityStamp);
        }

        var refreshed = await browser.RefreshAsync(beforeDisabling.RefreshToken!);
        refreshed.Status.ShouldBe(HttpStatusCode.BadRequest);
        refreshed.Error.ShouldBe("invalid_grant");
        refreshed.AccessToken.ShouldBeNull();

        // The browser that signed in before is sent back to the login page, and the password no longer works.
        using (var authorize = await browser.Http.GetAsync(IdentityBrowser.AuthorizeUrl(Pkce.Create(), "again"), Ct))
        {
            authorize.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            authorize.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
        }

        using var fresh = server.CreateBrowser();
        using var login = await fresh.SubmitLoginAsync(user.UserName!, IdentityServerFixture.DemoPassword);
        login.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        login.Headers.Location.ShouldBeNull();
        (await login.Content.ReadAsStringAsync(Ct)).ShouldContain(WrongCredentialsMessage);
        (await server.AuditEntriesAsync(user.Id)).ShouldContain(e => e.Action == "user.disabled");
    }

    [Fact]
    public async Task An_administrator_ending_the_sessions_makes_the_session_check_report_them_inactive()
    {
        var (admin, _) = await server.TakeAdministratorAsync();
        var user = await server.TakeUserAsync();
        using var phone = server.CreateBrowser();
        using var laptop = server.CreateBrowser();
        var onPhone = Guid.Parse((await phone.SignInWithCodeFlowAsync(user.UserName!, IdentityServerFixture.DemoPassword)).IdTokenClaims().GetProperty("sid").GetString()!);
        var onLaptop = await laptop.SignInWithCodeFlowAsync(user.UserName!, IdentityServerFixture.DemoPassword);
        var laptopSession = Guid.Parse(onLaptop.IdTokenClaims().GetProperty("sid").GetString()!);
        (await phone.ActiveSessionsAsync(onPhone, laptopSession)).ShouldBe([onPhone, laptopSession], ignoreOrder: true);

        await using (var scope = server.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .EndSessionsAsync(admin.Id, user.Id, "Ponsel dilaporkan hilang", Ct);
            result.Succeeded.ShouldBeTrue(result.Error?.ToString());
        }

        (await phone.ActiveSessionsAsync(onPhone, laptopSession)).ShouldBeEmpty();
        var refreshed = await laptop.RefreshAsync(onLaptop.RefreshToken!);
        refreshed.Error.ShouldBe("invalid_grant");
        (await server.AuditEntriesAsync(user.Id)).Count(e => e.Action == "session.ended").ShouldBe(2);
    }

    [Fact]
    public async Task The_session_check_refuses_callers_without_the_client_secret()
    {
        using var browser = server.CreateBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/session-check")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { sessions = new[] { Guid.NewGuid() } }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{IdentityServerFixture.ClientId}:wrong-secret")));

        using var response = await browser.Http.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_user_gets_the_same_indonesian_error_as_a_wrong_password_and_a_400()
    {
        using var browser = server.CreateBrowser();

        using var unknown = await browser.SubmitLoginAsync("199912312099121999", WrongPassword);

        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync(Ct)).ShouldContain(WrongCredentialsMessage);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("%%%")]
    public async Task After_signing_in_an_external_or_malformed_return_url_is_not_followed(string returnUrl)
    {
        var user = await server.TakeUserAsync();
        using var browser = server.CreateBrowser();

        using var response = await browser.SubmitLoginAsync(user.UserName!, IdentityServerFixture.DemoPassword, returnUrl);

        ((int)response.StatusCode).ShouldBeInRange(300, 399);
        var location = response.Headers.Location.ShouldNotBeNull();
        location.IsAbsoluteUri.ShouldBeFalse($"redirected to {location}");
        location.OriginalString.ShouldStartWith("/");
        location.OriginalString.ShouldNotStartWith("//");
        location.OriginalString.ShouldNotStartWith("/\\");
    }
}
