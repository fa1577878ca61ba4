using System.Net;
using Superapps.AppCatalog.Contracts;

namespace Superapps.Adapters.Proxy.IntegrationTests;

/// <summary>
/// Old bookmarks on a legacy app's own host name: once the city points that name at the portal, the portal answers it with a 302 to the
/// app's place on the portal's own origin (never the old host), and answers every other host as usual.
/// </summary>
public sealed class HostRedirectTests : IAsyncLifetime
{
    private const string Portal = "https://portal.kotademo.go.id";
    private EchoUpstream _upstream = null!;
    private ProxyHarness _proxy = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await EchoUpstream.StartAsync();
        _proxy = await ProxyHarness.StartAsync(
        [
            Apps.Simpeg(_upstream.Url) with { OriginalUrl = new Uri("http://simpeg.kota.example/") },
            Apps.App("e-surat-lama", "e-Surat Lama", null, IdentityMode.None, AppAccess.Employees, status: AppStatus.Retired,
                retirement: new AppRetirement("/surat")) with { OriginalUrl = new Uri("http://esurat.kota.example/eoffice/") },
            Apps.App("siskeudes", "Siskeudes", null, IdentityMode.None, AppAccess.Employees, status: AppStatus.Active)
                with { OriginalUrl = new Uri("http://siskeudes.kota.example/") },
        ],
        settings => settings["Superapps:Proxy:PublicBaseUrl"] = Portal + "/");
    }

    public async ValueTask DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> GetAsync(string host, string path)
    {
        using var client = _proxy.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        return await client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task A_bookmark_on_a_proxied_apps_old_host_lands_on_the_app_under_the_portals_own_origin()
    {
        var hits = _upstream.Hits;

        using var response = await GetAsync("simpeg.kota.example", "/pegawai/123?tab=riwayat&cari=nama%20lengkap");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"{Portal}/apps/simpeg/pegawai/123?tab=riwayat&cari=nama%20lengkap");
        _upstream.Hits.ShouldBe(hits);
    }

    [Fact]
    public async Task A_bookmark_on_a_retired_apps_old_host_lands_on_its_replacement_before_any_sign_in()
    {
        using var response = await GetAsync("ESURAT.kota.example:8080", "/eoffice/surat/masuk.php?id=9");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"{Portal}/surat");
    }

    [Fact]
    public async Task Unknown_hosts_and_apps_not_behind_the_portal_are_answered_as_usual()
    {
        using var unknown = await GetAsync("lain.kota.example", "/apps/simpeg/");
        using var active = await GetAsync("siskeudes.kota.example", "/apps/simpeg/");
        using var own = await GetAsync(_proxy.Address.Authority, "/apps/simpeg/");

        // As the portal answers today: an anonymous request to a protected app is challenged to sign in, on the request's host.
        foreach (var response in new[] { unknown, active, own })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.OriginalString.ShouldStartWith("/login?ReturnUrl=");
        }
    }

    [Theory]
    [InlineData("/pegawai/../../admin")]
    [InlineData("/pegawai/%2e%2e/admin")]
    [InlineData("/pegawai/x%2f..%2fadmin")]
    [InlineData("/pegawai\\admin")]
    public async Task Paths_that_try_to_escape_on_an_old_host_get_the_guards_400(string target)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(_proxy.Address.Host, _proxy.Address.Port, Ct);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: simpeg.kota.example\r\nConnection: close\r\n\r\n"), Ct);
        using var reader = new StreamReader(stream);
        var response = await reader.ReadToEndAsync(Ct);

        response.ShouldStartWith("HTTP/1.1 400");
        response.ShouldContain("X-Proxy-Error: proxy.path.invalid");
        response.ShouldContain("Alamat tidak valid");
        response.ShouldContain("Invalid address");
        response.ShouldNotContain("Location:");
    }
}
