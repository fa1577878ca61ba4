using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Superapps.Testing;

namespace Superapps.Identity.IntegrationTests.Infrastructure;

/// <summary>
/// What a browser and the portal do against the identity server, step by step over HTTP: pages with
/// their antiforgery tokens, the authorization code flow with PKCE, token and userinfo requests.
/// Redirects are not followed, so every step can be asserted.
/// </summary>
public sealed partial class IdentityBrowser(HttpClient http, IdentityServerFixture server) : IDisposable
{
    public HttpClient Http => http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Opens the page at <paramref name="url"/> and posts its form with the given fields plus the antiforgery token.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string url, IDictionary<string, string> fields)
    {
        using var page = await http.GetAsync(url, Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        var html = await page.Content.ReadAsStringAsync(Ct);
        return await PostAsync(url, fields, AntiforgeryToken(html));
    }

    /// <summary>Posts a form as the page would, with the given antiforgery token (or none).</summary>
    public async Task<HttpResponseMessage> PostAsync(string url, IDictionary<string, string> fields, string? antiforgeryToken)
    {
        var form = new Dictionary<string, string>(fields);
        if (antiforgeryToken is not null)
        {
            form["__RequestVerificationToken"] = antiforgeryToken;
        }

        using var content = new FormUrlEncodedContent(form);
        return await http.PostAsync(url, content, Ct);
    }

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public static string AntiforgeryToken(string html) =>
        AntiforgeryField().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("The page has no antiforgery token:\n" + html);

    /// <summary>Posts the login form (<c>Input.Login</c>, <c>Input.Password</c>) of <c>/Account/Login?ReturnUrl=...</c>.</summary>
    public Task<HttpResponseMessage> SubmitLoginAsync(string login, string password, string returnUrl = "/")
    {
        var url = "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        return SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Login"] = login,
            ["Input.Password"] = password,
            ["ReturnUrl"] = returnUrl,
        });
    }

    /// <summary>Signs in with password and, when asked, the current TOTP code; returns where the server sends the browser next.</summary>
    public async Task<string> SignInAsync(string login, string password, string returnUrl = "/", string? authenticatorKey = null)
    {
        using var response = await SubmitLoginAsync(login, password, returnUrl);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Ct));
        var next = response.Headers.Location!.OriginalString;
        if (!next.StartsWith("/Account/LoginWith2fa", StringComparison.Ordinal))
        {
            return next;
        }

        authenticatorKey.ShouldNotBeNull("The account asks for a second factor.");
        using var second = await SubmitFormAsync(next, new Dictionary<string, string>
        {
            ["Code"] = Totp.Code(authenticatorKey, DateTimeOffset.UtcNow),
            ["ReturnUrl"] = returnUrl,
        });
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect, await second.Content.ReadAsStringAsync(Ct));
        return second.Headers.Location!.OriginalString;
    }

    /// <summary>The authorization request a client sends, with a PKCE challenge for <paramref name="pkce"/>.</summary>
    public static string AuthorizeUrl(Pkce pkce, string state, string scope = "openid profile email roles offline_access") =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = IdentityServerFixture.ClientId,
            ["redirect_uri"] = IdentityServerFixture.RedirectUri.ToString(),
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = state,
            ["nonce"] = Guid.NewGuid().ToString("N"),
            ["code_challenge"] = pkce.Challenge,
            ["code_challenge_method"] = "S256",
        });

    /// <summary>Authorize → login page → password → authorize again → the client's redirect URI with a code.</summary>
    public async Task<string> AuthorizeAsync(string login, string password, Pkce pkce)
    {
        var state = Guid.NewGuid().ToString("N");
        var authorizeUrl = AuthorizeUrl(pkce, state);
        using var first = await http.GetAsync(authorizeUrl, Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var loginUrl = first.Headers.Location!;
        loginUrl.AbsolutePath.ShouldBe("/Account/Login");
        var returnUrl = QueryHelpers.ParseQuery(loginUrl.Query)["ReturnUrl"].ToString();
        returnUrl.ShouldStartWith("/connect/authorize?");

        var next = await SignInAsync(login, password, returnUrl);
        next.ShouldBe(returnUrl);
        using var second = await http.GetAsync(next, Ct);
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect, await second.Content.ReadAsStringAsync(Ct));
        var callback = second.Headers.Location!;
        callback.GetLeftPart(UriPartial.Path).ShouldBe(IdentityServerFixture.RedirectUri.ToString());
        var query = QueryHelpers.ParseQuery(callback.Query);
        query["state"].ToString().ShouldBe(state);
        var code = query["code"].ToString();
        code.ShouldNotBeNullOrEmpty();
        return code;
    }

    /// <summary>The portal redeeming a code at the token endpoint (client secret in the body).</summary>
    public Task<TokenResponse> RedeemCodeAsync(string code, string? codeVerifier)
    {
        var form = ClientForm("authorization_code");
        form["code"] = code;
        form["redirect_uri"] = IdentityServerFixture.RedirectUri.ToString();
        if (codeVerifier is not null)
        {
            form["code_verifier"] = codeVerifier;
        }

        return TokenAsync(form);
    }

    public Task<TokenResponse> RefreshAsync(string refreshToken)
    {
        var form = ClientForm("refresh_token");
        form["refresh_token"] = refreshToken;
        return TokenAsync(form);
    }

    /// <summary>The whole sign-in of a client: a code, redeemed with its verifier.</summary>
    public async Task<TokenResponse> SignInWithCodeFlowAsync(string login, string password)
    {
        var pkce = Pkce.Create();
        var tokens = await RedeemCodeAsync(await AuthorizeAsync(login, password, pkce), pkce.Verifier);
        tokens.Status.ShouldBe(HttpStatusCode.OK, tokens.Json.ToString());
        return tokens;
    }

    public async Task<(HttpStatusCode Status, JsonElement Json)> UserInfoAsync(string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone());
    }

    /// <summary>What the portal's session checker asks: which of these sessions are still active.</summary>
    public async Task<IReadOnlyList<Guid>> ActiveSessionsAsync(params Guid[] sessions)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/session-check") { Content = JsonContent.Create(new { sessions }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{IdentityServerFixture.ClientId}:{server.ClientSecret}")));
        using var response = await http.SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return [.. body.GetProperty("active").EnumerateArray().Select(e => e.GetGuid())];
    }

    public void Dispose() => http.Dispose();

    private Dictionary<string, string> ClientForm(string grantType) => new()
    {
        ["grant_type"] = grantType,
        ["client_id"] = IdentityServerFixture.ClientId,
        ["client_secret"] = server.ClientSecret,
    };

    private async Task<TokenResponse> TokenAsync(Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync("/connect/token", content, Ct);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
        return new TokenResponse(response.StatusCode, json);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

/// <summary>A token endpoint answer: tokens, or an OAuth error.</summary>
public sealed record TokenResponse(HttpStatusCode Status, JsonElement Json)
{
    public string? AccessToken => Value("access_token");

    public string? IdToken => Value("id_token");

    public string? RefreshToken => Value("refresh_token");

    public string? Error => Value("error");

    /// <summary>The claims of the identity token (a signed JWT; its signature is the server's business here).</summary>
    public JsonElement IdTokenClaims()
    {
        var parts = IdToken.ShouldNotBeNull().Split('.');
        return JsonDocument.Parse(Base64UrlDecode(parts[1])).RootElement.Clone();
    }

    private string? Value(string name) => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty(name, out var v) ? v.GetString() : null;

    private static byte[] Base64UrlDecode(string value) =>
        Convert.FromBase64String(value.Replace('-', '+').Replace('_', '/').PadRight(value.Length + ((4 - (value.Length % 4)) % 4), '='));
}

/// <summary>A PKCE pair (RFC 7636): a random verifier and its S256 challenge.</summary>
public sealed record Pkce(string Verifier, string Challenge)
{
    public static Pkce Create()
    {
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return new Pkce(verifier, WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }
}
