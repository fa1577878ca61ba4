using System.Net;
using System.Text.RegularExpressions;
using Npgsql;
using Superapps.LocalDev;
using Superapps.Testing;

namespace Superapps.LegacyDemo.Tests;

/// <summary>
/// The whole development stack (identity, portal, the demo app as processes on a private PostgreSQL): a user signed in once
/// at the identity server opens the demo app's OIDC page and is let in without a second password, directly and as the
/// portal's proxy would forward it under <c>/apps/simpeg-lama/</c>.
/// </summary>
public sealed partial class OidcSignInTests(OidcSignInTests.Stack stack) : IClassFixture<OidcSignInTests.Stack>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_user_signed_in_at_the_identity_server_enters_the_legacy_app_without_a_second_password()
    {
        var (userName, name) = await stack.UserAsync(0);
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true });
        await stack.SignInAsync(browser, userName);

        using var response = await browser.GetAsync(new Uri(stack.Dev.LegacyDemoUrl, "oidc"), Ct);

        var html = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        response.RequestMessage!.RequestUri.ShouldBe(new Uri(stack.Dev.LegacyDemoUrl, "oidc"));
        LegacyDemoServer.TestId(html, "oidc-status").ShouldNotBeNull();
        // Demo employees sign in with their NIP.
        LegacyDemoServer.TestId(html, "nip").ShouldBe(userName);
        LegacyDemoServer.TestId(html, "name").ShouldBe(name);
    }

    [Fact]
    public async Task Behind_the_proxy_the_redirect_uri_and_cookie_stay_under_the_apps_prefix()
    {
        var (userName, _) = await stack.UserAsync(1);
        var identityJar = new CookieContainer();
        using var identity = new HttpClient(new HttpClientHandler { CookieContainer = identityJar, AllowAutoRedirect = false });
        await stack.SignInAsync(identity, userName);
        using var legacy = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = stack.Dev.LegacyDemoUrl };
        var cookies = new Dictionary<string, string>();
        var proxied = stack.Dev.LegacyDemoProxiedUrl;

        // 1. The app, reached through the portal, sends the user to the identity server with the portal's URL as redirect URI.
        using var challenge = await ProxiedAsync(legacy, "oidc", cookies);
        challenge.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var authorize = challenge.Headers.Location!;
        authorize.GetLeftPart(UriPartial.Path).ShouldBe(new Uri(stack.Dev.IdentityUrl, "connect/authorize").ToString());
        Uri.UnescapeDataString(authorize.Query).ShouldContain("redirect_uri=" + new Uri(proxied, "oidc/callback"));
        Uri.UnescapeDataString(authorize.Query).ShouldContain("code_challenge_method=S256");

        // 2. The identity server knows the user already and accepts that redirect URI: a code, no login page.
        using var code = await identity.GetAsync(authorize, Ct);
        code.StatusCode.ShouldBe(HttpStatusCode.Redirect, await code.Content.ReadAsStringAsync(Ct));
        var callback = code.Headers.Location!;
        callback.GetLeftPart(UriPartial.Path).ShouldBe(new Uri(proxied, "oidc/callback").ToString());

        // 3. The callback, forwarded by the proxy, opens the app's own session, scoped to the prefix.
        using var signedIn = await ProxiedAsync(legacy, "oidc/callback" + callback.Query, cookies);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync(Ct));
        signedIn.Headers.Location!.OriginalString.ShouldBe("/apps/simpeg-lama/oidc");
        signedIn.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith(".SimpegLama.Session=", StringComparison.Ordinal)
            && c.Contains("path=/apps/simpeg-lama", StringComparison.OrdinalIgnoreCase));

        using var page = await ProxiedAsync(legacy, "oidc", cookies);
        var html = await page.Content.ReadAsStringAsync(Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        LegacyDemoServer.TestId(html, "nip").ShouldBe(userName);
    }

    /// <summary>A request as the portal's proxy forwards it (prefix, host and scheme of the portal), with the cookies the app set.</summary>
    private async Task<HttpResponseMessage> ProxiedAsync(HttpClient legacy, string pathAndQuery, Dictionary<string, string> cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.Add("X-Forwarded-For", "127.0.0.1");
        request.Headers.Add("X-Forwarded-Proto", stack.Dev.PortalUrl.Scheme);
        request.Headers.Add("X-Forwarded-Host", stack.Dev.PortalUrl.Authority);
        request.Headers.Add("X-Forwarded-Prefix", "/apps/" + DevStackOptions.LegacyDemoSlug);
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await legacy.SendAsync(request, Ct);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var match = CookiePair().Match(header);
            if (match.Success)
            {
                cookies[match.Groups[1].Value] = match.Groups[2].Value;
            }
        }

        return response;
    }

    [GeneratedRegex("^([^=;]+)=([^;]*)")]
    private static partial Regex CookiePair();

    /// <summary>The development stack on free loopback ports, with the demo city.</summary>
    public sealed class Stack : IAsyncLifetime
    {
        private const string Password = "Uji-Simpeg-Lama-2026";
        private readonly PostgresServer _postgres = new();
        private string _connectionString = string.Empty;
        private string _data = string.Empty;

        public DevStack Dev { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            await _postgres.InitializeAsync();
            _connectionString = await _postgres.CreateDatabaseAsync("legacydemo");
            _data = Path.Combine(Path.GetTempPath(), "superapps-legacydemo", Guid.NewGuid().ToString("N")[..8]);
            Dev = await DevStack.StartAsync(new DevStackOptions(DevStackOptions.FindRepositoryRoot(), _connectionString, _data,
                LocalPostgresCluster.FreePort(), LocalPostgresCluster.FreePort(), Guid.NewGuid().ToString("N"), Password, Quiet: true));
        }

        /// <summary>A demo employee whose role needs no MFA (the n-th, so each test has its own).</summary>
        public async Task<(string UserName, string Name)> UserAsync(int index)
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand("""
                SELECT u.user_name, u.display_name FROM identity.users u
                WHERE u.employee_id IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM identity.user_roles ur JOIN identity.roles r ON r.id = ur.role_id WHERE ur.user_id = u.id AND r.name = 'admin')
                ORDER BY u.user_name OFFSET @index LIMIT 1
                """, connection);
            command.Parameters.AddWithValue("index", index);
            await using var reader = await command.ExecuteReaderAsync(Ct);
            return await reader.ReadAsync(Ct) ? (reader.GetString(0), reader.GetString(1)) : throw new InvalidOperationException("No demo employee");
        }

        /// <summary>The one password of the day: the identity server's login form, as the portal's sign-in shows it.</summary>
        public async Task SignInAsync(HttpClient browser, string userName)
        {
            var login = new Uri(Dev.IdentityUrl, "Account/Login?ReturnUrl=%2F");
            var form = await browser.GetStringAsync(login, Ct);
            var token = Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Login"] = userName,
                ["Input.Password"] = Password,
                ["ReturnUrl"] = "/",
                ["__RequestVerificationToken"] = token,
            });
            using var response = await browser.PostAsync(login, content, Ct);
            // Signed in: sent on (a redirect, or the page it leads to), not shown the login form again.
            var landed = response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location! : response.RequestMessage!.RequestUri!;
            landed.OriginalString.ShouldNotContain("/Account/Login", customMessage: await response.Content.ReadAsStringAsync(Ct));
            ((int)response.StatusCode).ShouldBeLessThan(400);
        }

        public async ValueTask DisposeAsync()
        {
            if (Dev is not null)
            {
                await Dev.DisposeAsync();
            }

            await _postgres.DisposeAsync();
            try
            {
                Directory.Delete(_data, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }
    }
}
