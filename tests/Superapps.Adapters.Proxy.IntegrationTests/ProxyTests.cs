using System.Net;
using System.Net.Http.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Superapps.AppCatalog.Contracts;

namespace Superapps.Adapters.Proxy.IntegrationTests;

/// <summary>The proxy between a real Kestrel host and a legacy app on loopback: who passes, what the app receives, and what comes back.</summary>
public sealed class ProxyTests : IAsyncLifetime
{
    private EchoUpstream _upstream = null!;
    private ProxyHarness _proxy = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await EchoUpstream.StartAsync();
        _proxy = await ProxyHarness.StartAsync(
        [
            Apps.Simpeg(_upstream.Url),
            Apps.App("sipd", "SIPD", _upstream.Url, IdentityMode.Oidc, AppAccess.Employees),
            Apps.App("jdih", "JDIH", _upstream.Url, IdentityMode.None, AppAccess.Public),
        ]);
    }

    public async ValueTask DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_app_receives_a_signed_assertion_that_verifies_against_the_served_jwks()
    {
        using var client = _proxy.Client(Apps.Rina);

        var echo = (await client.GetFromJsonAsync<Echo>("/apps/simpeg/pegawai/123?tab=riwayat", Ct))!;

        echo.Path.ShouldBe("/pegawai/123");
        echo.Query.ShouldBe("?tab=riwayat");
        echo.Headers["X-Superapps-User"].ShouldBe("rina.wulandari");
        echo.Headers["X-Superapps-Nip"].ShouldBe("198703122010012001");
        Uri.UnescapeDataString(echo.Headers["X-Superapps-Name"]).ShouldBe("Rina Wulandari, S.Kom. — Bagian Kepegawaian");
        echo.Headers["X-Forwarded-Prefix"].ShouldBe("/apps/simpeg");
        echo.Headers["X-Forwarded-Host"].ShouldBe(_proxy.Address.Authority);
        echo.Headers["X-Forwarded-Proto"].ShouldBe("http");
        echo.Headers.ShouldContainKey("X-Forwarded-For");

        // As a legacy app does it: standard JWT code, the portal's JWKS fetched without signing in.
        using var anonymous = _proxy.Client();
        using var jwksResponse = await anonymous.GetAsync("/apps/.well-known/jwks.json", Ct);
        jwksResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        jwksResponse.Headers.CacheControl!.MaxAge.ShouldNotBeNull().ShouldBeLessThanOrEqualTo(TimeSpan.FromMinutes(10));
        var jwks = new JsonWebKeySet(await jwksResponse.Content.ReadAsStringAsync(Ct));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(echo.Headers["X-Superapps-Assertion"], new TokenValidationParameters
        {
            ValidIssuer = _proxy.Address.AbsoluteUri,
            ValidAudience = "superapps-app:simpeg",
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAlgorithms = ["ES256"],
        });
        result.IsValid.ShouldBeTrue(result.Exception?.Message);
        result.Claims["sub"].ShouldBe("sub-rina");
        result.Claims["nip"].ShouldBe("198703122010012001");
        var token = (JsonWebToken)result.SecurityToken;
        (token.ValidTo - token.IssuedAt).ShouldBe(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Spoofed_identity_headers_and_the_portals_cookies_never_reach_the_app()
    {
        using var client = _proxy.Client(Apps.Rina);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/apps/simpeg/echo");
        request.Headers.Add("X-Superapps-Nip", "000000000000000000");
        request.Headers.Add("x-superapps-assertion", "forged.token.here");
        request.Headers.Add("X-SUPERAPPS-ROLE", "admin");
        request.Headers.Add("Cookie", ".Superapps.Portal=portal-session; .AspNetCore.Culture=c%3Den%7Cuic%3Den; PHPSESSID=legacy; .AspNetCore.Antiforgery.Xyz=t");

        using var response = await client.SendAsync(request, Ct);
        var echo = (await response.Content.ReadFromJsonAsync<Echo>(Ct))!;

        echo.Headers["X-Superapps-Nip"].ShouldBe("198703122010012001");
        echo.Headers["X-Superapps-Assertion"].ShouldNotBe("forged.token.here");
        echo.Headers.Keys.ShouldNotContain(k => k.Equals("X-Superapps-Role", StringComparison.OrdinalIgnoreCase));
        echo.Headers["Cookie"].ShouldBe("PHPSESSID=legacy");
    }

    [Theory]
    [InlineData("sipd")]
    [InlineData("jdih")]
    public async Task Oidc_and_public_apps_get_no_identity_headers_even_spoofed_ones(string slug)
    {
        using var client = _proxy.Client(Apps.Rina);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/apps/{slug}/echo");
        request.Headers.Add("X-Superapps-User", "walikota");
        request.Headers.Add("Cookie", ".Superapps.Portal=portal-session");

        using var response = await client.SendAsync(request, Ct);
        var echo = (await response.Content.ReadFromJsonAsync<Echo>(Ct))!;

        echo.Headers.Keys.ShouldNotContain(k => k.StartsWith("X-Superapps-", StringComparison.OrdinalIgnoreCase));
        echo.Headers.ShouldNotContainKey("Cookie");
    }

    [Fact]
    public async Task An_anonymous_request_is_challenged_to_the_portals_login_and_never_reaches_the_app()
    {
        var hits = _upstream.Hits;
        using var client = _proxy.Client();

        using var get = await client.GetAsync("/apps/simpeg/pegawai?id=1", Ct);
        using var post = await client.PostAsync("/apps/sipd/simpan", new StringContent("x"), Ct);

        get.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        get.Headers.Location!.OriginalString.ShouldStartWith("/login?ReturnUrl=");
        Uri.UnescapeDataString(get.Headers.Location.OriginalString).ShouldEndWith("/apps/simpeg/pegawai?id=1");
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        _upstream.Hits.ShouldBe(hits);
    }

    [Fact]
    public async Task A_public_app_passes_anonymously()
    {
        using var client = _proxy.Client();

        var echo = (await client.GetFromJsonAsync<Echo>("/apps/jdih/peraturan", Ct))!;

        echo.Path.ShouldBe("/peraturan");
    }

    [Fact]
    public async Task A_user_outside_the_apps_opds_gets_a_friendly_403_and_the_app_is_not_hit()
    {
        var hits = _upstream.Hits;
        using var client = _proxy.Client(Apps.Budi);

        using var response = await client.GetAsync("/apps/simpeg/", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var page = await response.Content.ReadAsStringAsync(Ct);
        page.ShouldContain("Akses ditolak");
        page.ShouldContain("Access denied");
        page.ShouldContain("SIMPEG Lama");
        page.ShouldNotContain("Exception");
        _upstream.Hits.ShouldBe(hits);
    }

    [Fact]
    public async Task A_plt_position_in_the_apps_opd_lets_the_user_in()
    {
        using var client = _proxy.Client(Apps.BudiAsPltInBkpsdm);

        using var response = await client.GetAsync("/apps/simpeg/", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_app_without_a_trailing_slash_redirects_to_it()
    {
        using var client = _proxy.Client(Apps.Rina);

        using var response = await client.GetAsync("/apps/simpeg?x=1", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/apps/simpeg/?x=1");
    }

    [Theory]
    [InlineData("/apps/simpeg/a/../pegawai")]
    [InlineData("/apps/simpeg/%2e%2e/pegawai")]
    [InlineData("/apps/simpeg/x%2f..%2fadmin")]
    [InlineData("/apps/simpeg/..%5cadmin")]
    [InlineData("/apps/simpeg/a\\b")]
    [InlineData("/apps/jdih/../simpeg/pegawai")]
    public async Task Paths_that_try_to_leave_the_app_get_a_400_before_the_app_is_hit(string target)
    {
        var hits = _upstream.Hits;

        var (status, response) = await _proxy.RawAsync(target, Apps.Rina);

        status.ShouldBe(400);
        response.ShouldContain("Alamat tidak valid");
        response.ShouldContain("Invalid address");
        _upstream.Hits.ShouldBe(hits);
    }

    [Fact]
    public async Task A_body_over_the_apps_limit_gets_413_by_its_length_before_the_app_is_hit()
    {
        var hits = _upstream.Hits;
        using var client = _proxy.Client(Apps.Rina);

        using var response = await client.PostAsync("/apps/simpeg/unggah", new ByteArrayContent(new byte[1024 * 1024 + 1]), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Kiriman terlalu besar");
        _upstream.Hits.ShouldBe(hits);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_gets_413_and_one_within_it_passes()
    {
        using var client = _proxy.Client(Apps.Rina);

        using var large = new HttpRequestMessage(HttpMethod.Post, "/apps/simpeg/unggah") { Content = new StreamContent(new ChunkedStream(2 * 1024 * 1024)) };
        large.Headers.TransferEncodingChunked = true;
        using var tooLarge = await client.SendAsync(large, Ct);
        using var small = new HttpRequestMessage(HttpMethod.Post, "/apps/simpeg/unggah") { Content = new StreamContent(new ChunkedStream(1000)) };
        small.Headers.TransferEncodingChunked = true;
        using var fits = await client.SendAsync(small, Ct);

        tooLarge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await tooLarge.Content.ReadAsStringAsync(Ct)).ShouldContain("Upload too large");
        fits.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fits.Content.ReadFromJsonAsync<Echo>(Ct))!.BodyLength.ShouldBe(1000);
    }

    [Fact]
    public async Task A_redirect_to_the_apps_own_origin_is_rewritten_and_the_identity_server_is_allowed()
    {
        using var client = _proxy.Client(Apps.Rina);

        using var self = await client.GetAsync("/apps/simpeg/redirect-self", Ct);
        using var identity = await client.GetAsync("/apps/sipd/redirect-identity", Ct);

        self.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        self.Headers.Location!.OriginalString.ShouldBe("/apps/simpeg/landing?from=self");
        identity.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        identity.Headers.Location!.ShouldBe(new Uri(ProxyHarness.IdentityServer, "connect/authorize?client_id=legacy-demo"));
    }

    [Fact]
    public async Task A_redirect_to_another_host_becomes_a_friendly_502_page()
    {
        using var client = _proxy.Client(Apps.Rina);

        using var response = await client.GetAsync("/apps/simpeg/redirect-away", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        response.Headers.Location.ShouldBeNull();
        var page = await response.Content.ReadAsStringAsync(Ct);
        page.ShouldContain("mencoba mengarahkan Anda ke situs lain");
        page.ShouldContain("tried to send you to another site");
        page.ShouldNotContain("upstream body");
        page.ShouldNotContain("evil.example");
    }

    [Fact]
    public async Task Cookies_set_by_the_app_stay_under_its_path_and_cannot_replace_the_portals()
    {
        using var client = _proxy.Client(Apps.Rina);

        using var response = await client.GetAsync("/apps/simpeg/set-cookie", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        cookies.ShouldBe(["sesi=abc; Path=/apps/simpeg/; HttpOnly", "pref=gelap; Path=/apps/simpeg/"]);
    }

    [Fact]
    public async Task A_retired_apps_old_urls_redirect_with_302_for_every_method_and_path()
    {
        _proxy.Directory.Set(apps =>
        [
            .. apps,
            Apps.App("esurat-lama", "E-Surat Lama", null, IdentityMode.None, AppAccess.Employees, status: AppStatus.Retired, retirement: new AppRetirement("/surat")),
            Apps.App("sipkd", "SIPKD", null, IdentityMode.None, AppAccess.Employees, status: AppStatus.Retired, retirement: new AppRetirement(null)),
        ]);
        await _proxy.WaitForRoutesAsync();
        using var client = _proxy.Client();

        using var bookmark = await client.GetAsync("/apps/esurat-lama/surat/masuk/detail.php?id=42", Ct);
        using var post = await client.PostAsync("/apps/esurat-lama/simpan.php", new StringContent("x"), Ct);
        using var root = await client.GetAsync("/apps/esurat-lama", Ct);
        using var notice = await client.GetAsync("/apps/sipkd/anggaran/", Ct);

        foreach (var response in new[] { bookmark, post, root })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.OriginalString.ShouldBe("/surat");
        }

        notice.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        notice.Headers.Location!.OriginalString.ShouldBe("/aplikasi/sipkd/pensiun");
    }

    [Fact]
    public async Task An_unknown_app_gets_a_friendly_404()
    {
        using var client = _proxy.Client(Apps.Rina);

        using var response = await client.GetAsync("/apps/tidak-ada/", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Aplikasi tidak ditemukan");
    }

    [Fact]
    public async Task Usage_is_counted_per_app_and_flushed_to_the_sink()
    {
        using var rina = _proxy.Client(Apps.Rina);
        using var budi = _proxy.Client(Apps.BudiAsPltInBkpsdm);
        for (var i = 0; i < 3; i++)
        {
            (await rina.GetAsync("/apps/simpeg/echo", Ct)).Dispose();
        }

        (await budi.GetAsync("/apps/simpeg/echo", Ct)).Dispose();
        (await rina.GetAsync("/apps/simpeg/redirect-away", Ct)).Dispose();
        var simpeg = (await _proxy.Directory.ReadAsync(Ct)).Apps.Single(a => a.Slug == "simpeg").Id;

        await Wait.UntilAsync(() => Task.FromResult(_proxy.Usage.Batches.Where(b => b.AppId == simpeg).Sum(b => b.Requests) >= 5), TimeSpan.FromSeconds(5), "usage is flushed");

        var batches = _proxy.Usage.Batches.Where(b => b.AppId == simpeg).ToList();
        batches.Sum(b => b.Requests).ShouldBe(5);
        batches.Sum(b => b.Errors).ShouldBe(1);
        batches.SelectMany(b => b.Users).Distinct().ShouldBe(["sub-rina", "sub-budi"], ignoreOrder: true);
        batches.Sum(b => b.LatencyBuckets.Sum()).ShouldBe(5);
        batches.ShouldAllBe(b => b.Day == Superapps.SharedKernel.Wib.Today(TimeProvider.System));
    }

    [Fact]
    public async Task A_failing_flush_keeps_the_counts_for_the_next_one()
    {
        _proxy.Usage.Failing = true;
        using var client = _proxy.Client(Apps.Rina);
        (await client.GetAsync("/apps/simpeg/echo", Ct)).Dispose();
        (await client.GetAsync("/apps/simpeg/echo", Ct)).Dispose();
        await Wait.UntilAsync(() => Task.FromResult(_proxy.Usage.Failures >= 2), TimeSpan.FromSeconds(5), "a flush fails twice");

        _proxy.Usage.Failing = false;

        await Wait.UntilAsync(() => Task.FromResult(_proxy.Usage.Batches.Sum(b => b.Requests) >= 2), TimeSpan.FromSeconds(5), "the kept counts are flushed");
        _proxy.Usage.Batches.Sum(b => b.Requests).ShouldBe(2);
    }

    /// <summary>A body of a given size whose length HttpClient does not know (so it is sent chunked).</summary>
    private sealed class ChunkedStream(long length) : Stream
    {
        private long _sent;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _sent; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _sent);
            Array.Fill(buffer, (byte)'a', offset, n);
            _sent += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
