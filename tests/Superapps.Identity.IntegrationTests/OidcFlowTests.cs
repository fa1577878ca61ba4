using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Identity.IntegrationTests.Infrastructure;
using Superapps.Organization.Contracts;

namespace Superapps.Identity.IntegrationTests;

/// <summary>The OpenID Connect surface a client relies on: discovery, the code flow with PKCE, userinfo and refresh.</summary>
public sealed class OidcFlowTests(IdentityServerFixture server) : IClassFixture<IdentityServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_discovery_document_announces_the_issuer_endpoints_pkce_and_grants()
    {
        using var browser = server.CreateBrowser();

        using var response = await browser.Http.GetAsync("/.well-known/openid-configuration", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        document.GetProperty("issuer").GetString().ShouldBe("http://localhost/");
        document.GetProperty("authorization_endpoint").GetString().ShouldBe("http://localhost/connect/authorize");
        document.GetProperty("token_endpoint").GetString().ShouldBe("http://localhost/connect/token");
        document.GetProperty("end_session_endpoint").GetString().ShouldBe("http://localhost/connect/endsession");
        document.GetProperty("userinfo_endpoint").GetString().ShouldBe("http://localhost/connect/userinfo");
        Strings(document, "code_challenge_methods_supported").ShouldContain("S256");
        Strings(document, "code_challenge_methods_supported").ShouldNotContain("plain");
        Strings(document, "grant_types_supported").ShouldBeSubsetOf(["authorization_code", "refresh_token"]);
        Strings(document, "grant_types_supported").ShouldContain("authorization_code");
        Strings(document, "grant_types_supported").ShouldContain("refresh_token");
        Strings(document, "scopes_supported").ShouldContain("offline_access");
    }

    [Fact]
    public async Task The_code_flow_with_pkce_signs_in_and_userinfo_tells_name_nip_and_opd()
    {
        var user = await server.TakeUserAsync();
        using var browser = server.CreateBrowser();

        var tokens = await browser.SignInWithCodeFlowAsync(user.UserName!, IdentityServerFixture.DemoPassword);

        tokens.AccessToken.ShouldNotBeNullOrEmpty();
        tokens.RefreshToken.ShouldNotBeNullOrEmpty();
        var idToken = tokens.IdTokenClaims();
        idToken.GetProperty("sub").GetString().ShouldBe(user.Id);
        Guid.TryParse(idToken.GetProperty("sid").GetString(), out _).ShouldBeTrue();
        idToken.GetProperty("aud").ToString().ShouldContain(IdentityServerFixture.ClientId);

        var (status, userInfo) = await browser.UserInfoAsync(tokens.AccessToken!);

        status.ShouldBe(HttpStatusCode.OK);
        await using var scope = server.CreateScope();
        var employee = await scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>().GetEmployeeAsync(user.EmployeeId!.Value, Ct);
        employee.ShouldNotBeNull();
        userInfo.GetProperty("sub").GetString().ShouldBe(user.Id);
        userInfo.GetProperty("name").GetString().ShouldBe(user.DisplayName);
        userInfo.GetProperty("nip").GetString().ShouldBe(employee.Nip);
        userInfo.GetProperty("nip").GetString().ShouldBe(user.UserName);
        userInfo.GetProperty("opd_id").GetString().ShouldBe(employee.AgencyId.ToString());
        userInfo.GetProperty("opd_name").GetString().ShouldBe(employee.AgencyName);
        userInfo.GetProperty("opd_name").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_refresh_token_yields_new_tokens_for_the_same_user_and_session()
    {
        var user = await server.TakeUserAsync();
        using var browser = server.CreateBrowser();
        var first = await browser.SignInWithCodeFlowAsync(user.UserName!, IdentityServerFixture.DemoPassword);

        var refreshed = await browser.RefreshAsync(first.RefreshToken!);

        refreshed.Status.ShouldBe(HttpStatusCode.OK, refreshed.Json.ToString());
        refreshed.AccessToken.ShouldNotBeNullOrEmpty();
        refreshed.AccessToken.ShouldNotBe(first.AccessToken);
        refreshed.IdTokenClaims().GetProperty("sub").GetString().ShouldBe(user.Id);
        refreshed.IdTokenClaims().GetProperty("sid").GetString().ShouldBe(first.IdTokenClaims().GetProperty("sid").GetString());
        var (status, userInfo) = await browser.UserInfoAsync(refreshed.AccessToken!);
        status.ShouldBe(HttpStatusCode.OK);
        userInfo.GetProperty("nip").GetString().ShouldBe(user.UserName);
    }

    [Fact]
    public async Task A_code_redeemed_with_a_wrong_verifier_is_rejected()
    {
        var user = await server.TakeUserAsync();
        using var browser = server.CreateBrowser();
        var pkce = Pkce.Create();
        var code = await browser.AuthorizeAsync(user.UserName!, IdentityServerFixture.DemoPassword, pkce);

        var tokens = await browser.RedeemCodeAsync(code, Pkce.Create().Verifier);

        ((int)tokens.Status).ShouldBeInRange(400, 499);
        tokens.Error.ShouldBe("invalid_grant");
        tokens.AccessToken.ShouldBeNull();
    }

    [Fact]
    public async Task A_code_redeemed_without_a_verifier_is_rejected()
    {
        var user = await server.TakeUserAsync();
        using var browser = server.CreateBrowser();
        var pkce = Pkce.Create();
        var code = await browser.AuthorizeAsync(user.UserName!, IdentityServerFixture.DemoPassword, pkce);

        var tokens = await browser.RedeemCodeAsync(code, codeVerifier: null);

        ((int)tokens.Status).ShouldBeInRange(400, 499);
        tokens.Error.ShouldNotBeNull();
        tokens.AccessToken.ShouldBeNull();
    }

    [Fact]
    public async Task An_authorization_request_without_a_pkce_challenge_is_refused()
    {
        using var browser = server.CreateBrowser();
        var url = IdentityBrowser.AuthorizeUrl(Pkce.Create(), "state-1")
            .Replace("&code_challenge_method=S256", string.Empty, StringComparison.Ordinal);
        url = System.Text.RegularExpressions.Regex.Replace(url, "&code_challenge=[^&]*", string.Empty);

        using var response = await browser.Http.GetAsync(url, Ct);

        response.Headers.Location?.AbsolutePath.ShouldNotBe("/Account/Login");
        ((int)response.StatusCode).ShouldBeInRange(400, 499);
    }

    private static List<string> Strings(JsonElement document, string property) =>
        [.. document.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];
}
